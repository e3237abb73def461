using ActorSockets.Protocols.Text;

namespace ActorSockets.Protocols.Tests.Text;

public class TextSanitizerTests
{
    [Fact]
    public void Sanitize_CleanText_ReturnsSameInstance()
    {
        var text = "hello 世界 😀 -_!";
        Assert.Same(text, TextSanitizer.Sanitize(text));
    }

    [Theory]
    [InlineData("\u001b[31mred\u001b[0m", "red")]
    [InlineData("\u001b[2J\u001b[Hcleared", "cleared")]
    [InlineData("a\u001b[?25lb", "ab")]
    [InlineData("\u001b[1;31;40mx", "x")]
    [InlineData("\u009b31mx", "x")]
    public void Sanitize_CsiSequences_Removed(string input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.Sanitize(input));
    }

    [Theory]
    [InlineData("\u001b]0;pwned title\u0007text", "text")]
    [InlineData("\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\", "link")]
    [InlineData("\u009d0;title\u009ctext", "text")]
    [InlineData("\u001bPdevice control\u001b\\ok", "ok")]
    [InlineData("before\u001b]unterminated osc", "before")]
    public void Sanitize_OscAndOtherStrings_Removed(string input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.Sanitize(input));
    }

    [Theory]
    [InlineData("\u001bcreset", "reset")]
    [InlineData("\u001b(Bx", "x")]
    [InlineData("\u001b#8x", "x")]
    [InlineData("end\u001b", "end")]
    [InlineData("\u001b\u00e9", "\u00e9")]
    public void Sanitize_OtherEscapes_Removed(string input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.Sanitize(input));
    }

    [Fact]
    public void Sanitize_MalformedCsi_KeepsFollowingText()
    {
        Assert.Equal("é", TextSanitizer.Sanitize("\u001b[12é"));
    }

    [Fact]
    public void Sanitize_C0AndC1AndDel_Removed_TabBecomesSpace()
    {
        Assert.Equal("a b c", TextSanitizer.Sanitize("a\tb\u0000\u0007\b\r \u007f\u0085c"));
    }

    [Fact]
    public void Sanitize_BidiAndLineSeparators_Removed()
    {
        Assert.Equal("abcdefg", TextSanitizer.Sanitize("a\u202Eb\u2066c\u2028d\u2029e\u202Af\uFEFFg"));
    }

    [Fact]
    public void Sanitize_OutputNeverContainsControls()
    {
        var random = new Random(1234);
        for (var round = 0; round < 500; round++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)random.Next(0, 0xA0);
            }

            var clean = TextSanitizer.Sanitize(new string(chars));
            Assert.DoesNotContain(clean, c => c < ' ' || c is >= '\u007f' and <= '\u009f');
            Assert.True(clean.Length <= chars.Length);
        }
    }
}
