namespace ActorSockets.Hocon.Tests;

/// <summary>Spec sections "Unquoted strings", "Multi-line strings" and JSON string escapes.</summary>
public class StringTests
{
    [Fact]
    public void QuotedString_JsonEscapes_Decoded()
    {
        var config = ConfigFactory.ParseString("""a = "q\" b\\ s\/ \b\f\n\r\t end" """);

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t end", config.GetString("a"));
    }

    [Fact]
    public void QuotedString_UnicodeEscapes_Decoded()
    {
        var config = ConfigFactory.ParseString("""a = "\u6b22\u8fce \u00e9 \ud83d\ude00" """);

        Assert.Equal("欢迎 é 😀", config.GetString("a"));
    }

    [Fact]
    public void RawUnicode_InQuotedAndUnquoted_Kept()
    {
        var config = ConfigFactory.ParseString("a = \"欢迎访问>>>>\"\nb = 谢谢连接我");

        Assert.Equal("欢迎访问>>>>", config.GetString("a"));
        Assert.Equal("谢谢连接我", config.GetString("b"));
    }

    [Fact]
    public void UnquotedString_AllowedCharacters_KeptWhole()
    {
        var config = ConfigFactory.ParseString("a = foo.bar-baz_1/2\nb = some text here");

        Assert.Equal("foo.bar-baz_1/2", config.GetString("a"));
        Assert.Equal("some text here", config.GetString("b"));
    }

    [Fact]
    public void UnquotedString_InnerWhitespacePreserved_OuterTrimmed()
    {
        var config = ConfigFactory.ParseString("a =   x   y  \nb = \"p\"  q");

        Assert.Equal("x   y", config.GetString("a"));
        Assert.Equal("p  q", config.GetString("b"));
    }

    [Fact]
    public void TripleQuoted_MultiLine_KeptRaw()
    {
        var config = ConfigFactory.ParseString("a = \"\"\"line1\n  \"line2\" \\n not escaped\"\"\"\nb = 1");

        Assert.Equal("line1\n  \"line2\" \\n not escaped", config.GetString("a"));
        Assert.Equal(1, config.GetInt("b"));
    }

    [Fact]
    public void TripleQuoted_ExtraClosingQuotes_BelongToContent()
    {
        var config = ConfigFactory.ParseString("a = \"\"\"foo\"\"\"\"\"");

        Assert.Equal("foo\"\"", config.GetString("a"));
    }

    [Fact]
    public void TripleQuoted_ErrorAfterIt_ReportsCorrectLine()
    {
        var ex = Assert.Throws<HoconParseException>(() => ConfigFactory.ParseString("a = \"\"\"x\ny\nz\"\"\"\nb = ^"));

        Assert.Equal(4, ex.Line);
        Assert.Equal(5, ex.Column);
    }

    [Theory]
    [InlineData("a = \"\\x\"", "invalid escape")]
    [InlineData("a = \"\\u12\"", "unicode escape")]
    [InlineData("a = \"abc\nb = 1", "unterminated quoted string")]
    [InlineData("a = \"\"\"abc", "unterminated triple-quoted")]
    public void QuotedString_Invalid_ThrowsWithReason(string text, string reason)
    {
        var ex = Assert.Throws<HoconParseException>(() => ConfigFactory.ParseString(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnquotedReservedWords_HaveTheirTypes_QuotedOnesAreStrings()
    {
        var config = ConfigFactory.ParseString("a = true\nb = \"true\"\nc = null\nd = \"null\"\ne = 12\nf = \"12\"");

        Assert.True(config.GetBoolean("a"));
        Assert.Equal("true", config.GetString("b"));
        Assert.False(config.HasPath("c"));
        Assert.Equal("null", config.GetString("d"));
        Assert.Equal(12, config.GetInt("e"));
        Assert.Equal(12, config.GetInt("f"));
        Assert.Contains("a = true", config.Render(), StringComparison.Ordinal);
        Assert.Contains("b = \"true\"", config.Render(), StringComparison.Ordinal);
    }
}
