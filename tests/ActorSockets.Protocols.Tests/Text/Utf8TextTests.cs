using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Text;

namespace ActorSockets.Protocols.Tests.Text;

public class Utf8TextTests
{
    [Fact]
    public void EncodeTruncated_FitsLimit_AtCharacterBoundary()
    {
        Assert.Equal("ab", Utf8Text.EncodeTruncated("ab谢", 4).ToUtf8());
        Assert.Equal("ab谢", Utf8Text.EncodeTruncated("ab谢", 5).ToUtf8());
        Assert.Equal("a", Utf8Text.EncodeTruncated("a😀", 4).ToUtf8());
        Assert.True(Utf8Text.EncodeTruncated("abc", 0).IsEmpty);
    }

    [Fact]
    public void EncodeTruncated_LoneSurrogate_IsReplaced()
    {
        Assert.Equal("a\uFFFD", Utf8Text.EncodeTruncated("a\uD800", 10).ToUtf8());
    }

    [Theory]
    [InlineData(FrameError.LineTooLong, "line too long (max 10 bytes)")]
    [InlineData(FrameError.FrameTooLong, "frame too long (max 10 bytes)")]
    [InlineData(FrameError.InvalidUtf8, "invalid UTF-8, line ignored")]
    [InlineData(FrameError.MalformedModifiedUtf8, "malformed modified UTF-8, frame ignored")]
    public void FrameErrorText_Describe_NamesProblem(FrameError error, string expected)
    {
        Assert.Equal(expected, FrameErrorText.Describe(error, 10));
    }
}
