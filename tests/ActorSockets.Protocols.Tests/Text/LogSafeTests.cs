using ActorSockets.Protocols.Text;

namespace ActorSockets.Protocols.Tests.Text;

public class LogSafeTests
{
    [Fact]
    public void Escape_CleanText_ReturnsSameInstance()
    {
        var text = "guest-1 said 你好 😀";
        Assert.Same(text, LogSafe.Escape(text));
    }

    [Fact]
    public void Escape_CrLf_CannotForgeALogLine()
    {
        var forged = "hi\r\n2026-11-21 [INF] admin logged in";
        var escaped = LogSafe.Escape(forged);
        Assert.Equal(@"hi\r\n2026-11-21 [INF] admin logged in", escaped);
        Assert.DoesNotContain('\n', escaped);
        Assert.DoesNotContain('\r', escaped);
    }

    [Fact]
    public void Escape_Backslash_IsDoubled_SoEscapesCannotBeFaked()
    {
        Assert.Equal(@"a\\nb\n", LogSafe.Escape("a\\nb\n"));
    }

    [Theory]
    [InlineData("\u001b[31mred", @"\u001B[31mred")]
    [InlineData("a\u0000b", @"a\u0000b")]
    [InlineData("tab\there", @"tab\there")]
    [InlineData("del\u007f", @"del\u007F")]
    [InlineData("c1\u0085", @"c1\u0085")]
    [InlineData("ls\u2028", @"ls\u2028")]
    [InlineData("bidi\u202Eevil", @"bidi\u202Eevil")]
    public void Escape_ControlCharacters_BecomeVisibleEscapes(string input, string expected)
    {
        Assert.Equal(expected, LogSafe.Escape(input));
    }

    [Fact]
    public void Escape_LoneSurrogate_BecomesEscape()
    {
        Assert.Equal(@"lone\uD800", LogSafe.Escape("lone\uD800"));
        Assert.Equal(@"\uDC00x", LogSafe.Escape("\uDC00x"));
    }

    [Fact]
    public void Escape_LongText_IsTruncatedWithCount()
    {
        var escaped = LogSafe.Escape(new string('a', 500), maxLength: 10);
        Assert.Equal("aaaaaaaaaa...(+490 chars)", escaped);
    }

    [Fact]
    public void Escape_TruncationDoesNotSplitSurrogatePair()
    {
        Assert.Equal("a...(+3 chars)", LogSafe.Escape("a😀b", maxLength: 2));
    }

    [Fact]
    public void Escape_Null_IsMarked()
    {
        Assert.Equal("(null)", LogSafe.Escape((string?)null));
    }

    [Fact]
    public void Escape_Bytes_DecodesAndEscapes()
    {
        Assert.Equal(@"ok\n\uFFFD", LogSafe.Escape("ok\n"u8.ToArray().Append((byte)0xFF).ToArray().AsSpan()).Replace("\uFFFD", @"\uFFFD", StringComparison.Ordinal));
    }

    [Fact]
    public void Escape_HugeBytes_BoundedOutput()
    {
        var escaped = LogSafe.Escape(new byte[1_000_000].AsSpan(), maxLength: 50);
        Assert.True(escaped.Length < 400, escaped.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith(@"\u0000", escaped, StringComparison.Ordinal);
    }
}
