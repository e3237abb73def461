namespace ActorSockets.Hocon.Tests;

/// <summary>Spec sections "Syntax", "Comments", "Omit root braces", "Key-value separator", "Commas", "Whitespace".</summary>
public class SyntaxTests
{
    [Fact]
    public void Parse_JsonDocument_ReadsAllTypes()
    {
        var config = ConfigFactory.ParseString("""{ "a": 1, "b": "two", "c": true, "d": null, "e": [1, 2], "f": { "g": 1.5 } }""");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("two", config.GetString("b"));
        Assert.True(config.GetBoolean("c"));
        Assert.False(config.HasPath("d"));
        Assert.Equal([1, 2], config.GetIntList("e"));
        Assert.Equal(1.5, config.GetDouble("f.g"));
    }

    [Fact]
    public void Parse_RootBracesOmitted_SameAsWithBraces()
    {
        var withBraces = ConfigFactory.ParseString("{ a = 1\n b = 2 }");
        var without = ConfigFactory.ParseString("a = 1\nb = 2");

        Assert.Equal(withBraces.Render(), without.Render());
        Assert.Equal(2, without.GetInt("b"));
    }

    [Theory]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("a=1")]
    [InlineData("a:1")]
    [InlineData("\"a\" = 1")]
    public void Parse_KeyValueSeparators_AllAccepted(string text)
    {
        Assert.Equal(1, ConfigFactory.ParseString(text).GetInt("a"));
    }

    [Fact]
    public void Parse_ObjectWithoutSeparator_IsObjectField()
    {
        var config = ConfigFactory.ParseString("a { b = 1 }\nc{d=2}");

        Assert.Equal(1, config.GetInt("a.b"));
        Assert.Equal(2, config.GetInt("c.d"));
    }

    [Fact]
    public void Parse_CommentsOfBothKinds_AreIgnored()
    {
        var config = ConfigFactory.ParseString("""
            # hash comment
            a = 1 # trailing
            // slash comment
            b = 2 // trailing
            c = "not # a comment"
            d = "http://example.com" // real comment
            """);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal("not # a comment", config.GetString("c"));
        Assert.Equal("http://example.com", config.GetString("d"));
    }

    [Fact]
    public void Parse_CommasAndNewlines_BothSeparateFields()
    {
        var config = ConfigFactory.ParseString("a = 1, b = 2\nc = 3,\nd = [1,\n2,\n]\n");

        Assert.Equal(new[] { "a", "b", "c", "d" }, config.Keys);
        Assert.Equal([1, 2], config.GetIntList("d"));
    }

    [Fact]
    public void Parse_JsonNumbersWithExponentSigns_AreNumbers()
    {
        var config = ConfigFactory.ParseString("{ \"a\": 1e+2, \"b\": -2.5E+1, \"c\": 5e-1, \"d\": [1E+0] }");

        Assert.Equal(100.0, config.GetDouble("a"));
        Assert.Equal(-25.0, config.GetDouble("b"));
        Assert.Equal(0.5, config.GetDouble("c"));
        Assert.Equal([1.0], config.GetDoubleList("d"));
        Assert.Contains("a = 1e+2", config.Render(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = x+1")]
    [InlineData("a = e+1")]
    [InlineData("a = 1e+")]
    public void Parse_PlusOutsideExponent_Rejected(string text)
    {
        Assert.Throws<HoconParseException>(() => ConfigFactory.ParseString(text));
    }

    [Fact]
    public void Parse_JsonLeadingCommaStyle_Accepted()
    {
        var config = ConfigFactory.ParseString("{\n  \"a\": [\n    1\n    , 2\n  ]\n  , \"b\": 3\n}");

        Assert.Equal([1, 2], config.GetIntList("a"));
        Assert.Equal(3, config.GetInt("b"));
    }

    [Fact]
    public void Parse_TrailingCommaInObjectAndList_Accepted()
    {
        var config = ConfigFactory.ParseString("a { x = 1, y = 2, }\nb = [1, 2, ]");

        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal([1, 2], config.GetIntList("b"));
    }

    [Fact]
    public void Parse_EmptyDocument_IsEmpty()
    {
        Assert.True(ConfigFactory.ParseString("").IsEmpty);
        Assert.True(ConfigFactory.ParseString("  \n# only a comment\n").IsEmpty);
        Assert.True(ConfigFactory.ParseString("{}").IsEmpty);
    }

    [Fact]
    public void Parse_WindowsLineEndingsAndBom_Accepted()
    {
        var config = ConfigFactory.ParseString("\uFEFFa = 1\r\nb = x\r\n");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("x", config.GetString("b"));
    }

    [Fact]
    public void Parse_UnicodeWhitespace_SeparatesTokens()
    {
        var config = ConfigFactory.ParseString("a\u00A0=\u2003 1");

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Parse_NewlineAfterSeparator_ValueOnNextLine()
    {
        var config = ConfigFactory.ParseString("{\"a\":\n  1}");

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Parse_ManyObjectsRepeatingKeys_EachKeepsOwnValues()
    {
        var text = string.Join('\n', Enumerable.Range(0, 300).Select(i => $"o{i} {{ a = {i}, b.c = x{i}, \"q\" = {i} }}"));

        var config = ConfigFactory.ParseString(text);

        Assert.Equal(300, config.Keys.Count());
        for (var i = 0; i < 300; i += 37)
        {
            Assert.Equal(i, config.GetInt($"o{i}.a"));
            Assert.Equal($"x{i}", config.GetString($"o{i}.b.c"));
            Assert.Equal(i, config.GetInt($"o{i}.q"));
        }
    }

    [Fact]
    public void Keys_FileOrder_Preserved()
    {
        var config = ConfigFactory.ParseString("z = 1\na = 2\nm { c = 1, b = 2 }\nz = 3");

        Assert.Equal(new[] { "z", "a", "m" }, config.Keys);
        Assert.Equal(new[] { "c", "b" }, config.GetKeys("m"));
        Assert.Equal(3, config.GetInt("z"));
    }
}
