namespace ActorSockets.Hocon.Tests;

/// <summary>Parse errors: positions and messages a person can act on.</summary>
public class ParseErrorTests
{
    private static HoconParseException Fails(string text, string? origin = "app.conf") =>
        Assert.Throws<HoconParseException>(() => ConfigFactory.ParseString(text, origin));

    [Fact]
    public void Parse_UnclosedObject_NamesWhereItOpened()
    {
        var ex = Fails("a = 1\nb {\n  c = 2\n  d {\n    e = 3\n  }\n");

        Assert.Contains("expected '}' to close object opened at 2:3", ex.Message, StringComparison.Ordinal);
        Assert.Equal("app.conf", ex.File);
        Assert.Equal(7, ex.Line);
        Assert.StartsWith("app.conf:7:1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedNestedObject_NamesInnermostOpening()
    {
        var ex = Fails("x = 1\ny = 2\nz { a {\n b = 1\n");

        Assert.Contains("expected '}' to close object opened at 3:7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedList_NamesWhereItOpened()
    {
        var ex = Fails("a = [1, 2\nb = 3");

        Assert.Contains("list opened at 1:5", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Line);
        Assert.Equal(3, ex.Column);
    }

    [Fact]
    public void Parse_MissingValue_NamesTheKey()
    {
        var ex = Fails("server {\n  port =\n}");

        Assert.Contains("expected a value for 'server.port', found '}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Parse_MissingSeparator_NamesTheKey()
    {
        var ex = Fails("a = 1\nkey\nb = 2");

        Assert.Contains("after key 'key'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Line);
        Assert.Equal(4, ex.Column);
    }

    [Theory]
    [InlineData("a = 1,, b = 2", 1, 7)]
    [InlineData("{ , a = 1 }", 1, 3)]
    [InlineData("a = [1,,2]", 1, 8)]
    public void Parse_DoubleComma_ThrowsAtItsPosition(string text, int line, int column)
    {
        var ex = Fails(text);

        Assert.Contains("','", ex.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (ex.Line, ex.Column));
    }

    [Theory]
    [InlineData("a = b^c", "'^'")]
    [InlineData("a = 1 + 2", "'+'")]
    [InlineData("a = $x", "'$'")]
    [InlineData("a = ${b", "unterminated substitution")]
    [InlineData("a = ${}", "empty path")]
    [InlineData("a = ${b..c}", "empty segment")]
    [InlineData("${a} = 1", "not allowed in keys")]
    [InlineData("}", "no object open")]
    [InlineData("[1, 2]", "must be an object")]
    [InlineData("{ a = 1 } b = 2", "after the closing")]
    [InlineData("a = 1 b = 2", "'='")]
    public void Parse_InvalidInput_MessageSaysWhy(string text, string reason)
    {
        var ex = Fails(text);

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Line >= 1 && ex.Column >= 1);
    }

    [Fact]
    public void ParseString_NoOrigin_UsesStringMarker()
    {
        var ex = Fails("a = [", origin: null);

        Assert.StartsWith("(string):1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_RejectedWithoutStackOverflow()
    {
        var text = "a = " + new string('[', 5000) + new string(']', 5000);

        var ex = Fails(text);

        Assert.Contains("nested", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ModerateNesting_Accepted()
    {
        var text = "a = " + string.Concat(Enumerable.Repeat("{ b = ", 50)) + "1" + new string('}', 50);

        var config = ConfigFactory.ParseString(text);

        Assert.Equal(1, config.GetInt("a" + string.Concat(Enumerable.Repeat(".b", 50))));
    }
}
