namespace ActorSockets.Hocon.Tests;

/// <summary>Spec sections "Paths as keys" and "Path expressions".</summary>
public class PathExpressionTests
{
    [Fact]
    public void Key_Dotted_CreatesNestedObjects()
    {
        var config = ConfigFactory.ParseString("a.b.c = 1");

        Assert.Equal(1, config.GetConfig("a").GetConfig("b").GetInt("c"));
        Assert.Equal(new[] { "b" }, config.GetKeys("a"));
    }

    [Fact]
    public void Key_QuotedSegment_KeepsItsDots()
    {
        var config = ConfigFactory.ParseString("a.\"b.c\".d = 1\n\"x.y\" = 2");

        Assert.Equal(1, config.GetInt("a.\"b.c\".d"));
        Assert.Equal(2, config.GetInt("\"x.y\""));
        Assert.False(config.HasPath("x.y"));
    }

    [Fact]
    public void Key_DottedThenObject_MergesBoth()
    {
        var config = ConfigFactory.ParseString("a.b = 1\na { c = 2 }");

        Assert.Equal(1, config.GetInt("a.b"));
        Assert.Equal(2, config.GetInt("a.c"));
    }

    [Fact]
    public void SpecExample_FooBarEquivalents_AllSame()
    {
        var a = ConfigFactory.ParseString("foo.bar : 42");
        var b = ConfigFactory.ParseString("foo { bar : 42 }");
        var c = ConfigFactory.ParseString("foo.bar.baz : 42").GetConfig("foo");

        Assert.Equal(a.Render(), b.Render());
        Assert.Equal(42, c.GetInt("bar.baz"));
    }

    [Fact]
    public void Key_InnerWhitespace_KeepsIt()
    {
        var config = ConfigFactory.ParseString("a b c = 1");

        Assert.Equal(1, config.GetInt("\"a b c\""));
        Assert.Equal(new[] { "a b c" }, config.Keys);
    }

    [Fact]
    public void Key_Numeric_SplitsAtDots()
    {
        var config = ConfigFactory.ParseString("10.0 = x\n1 = y");

        Assert.Equal("x", config.GetString("10.0"));
        Assert.Equal("y", config.GetString("1"));
    }

    [Fact]
    public void SpecExample_NumbersAndBooleansInKeys_AreStrings()
    {
        var config = ConfigFactory.ParseString("foo10.0 = a\ntrue : 42\n3.14 : pi\nfoo\"10.0\" = b");

        Assert.Equal("a", config.GetString("foo10.0"));
        Assert.Equal(new[] { "0" }, config.GetKeys("foo10"));
        Assert.Equal(42, config.GetInt("\"true\""));
        Assert.Equal("pi", config.GetString("3.14"));
        Assert.Equal("b", config.GetString("\"foo10.0\""));
    }

    [Fact]
    public void SpecExample_IncludeLaterInKey_IsPartOfKey()
    {
        var config = ConfigFactory.ParseString("a { foo include : 42 }\nbar : include\nlist = [ include ]");

        Assert.Equal(42, config.GetInt("a.\"foo include\""));
        Assert.Equal("include", config.GetString("bar"));
        Assert.Equal(new[] { "include" }, config.GetStringList("list"));
    }

    [Fact]
    public void Key_EmptyQuoted_IsAllowed()
    {
        var config = ConfigFactory.ParseString("\"\" = 1\na.\"\".b = 2");

        Assert.Equal(1, config.GetInt("\"\""));
        Assert.Equal(2, config.GetInt("a.\"\".b"));
    }

    [Theory]
    [InlineData("a..b = 1")]
    [InlineData(".a = 1")]
    [InlineData("a. = 1")]
    public void Key_EmptySegment_Throws(string text)
    {
        var ex = Assert.Throws<HoconParseException>(() => ConfigFactory.ParseString(text));

        Assert.Contains("dot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_IncludeFollowedBySeparator_IsOrdinaryKey()
    {
        var config = ConfigFactory.ParseString("include = 1\nincluded { x = 2 }");

        Assert.Equal(1, config.GetInt("include"));
        Assert.Equal(2, config.GetInt("included.x"));
    }

    [Fact]
    public void Getter_InvalidPath_ThrowsConfigException()
    {
        var config = ConfigFactory.ParseString("a = 1");

        Assert.Throws<ConfigException>(() => config.GetInt("a..b"));
    }
}
