using ActorSockets.Protocols.UdpTime;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.UdpTime;

public class UdpTimeCodecTests
{
    private static readonly FixedTimeProvider Clock = FixedTimeProvider.AtPlus8(new DateTime(2026, 11, 21, 9, 5, 3));

    [Fact]
    public void Reply_EmptyDatagram_UsesDefaultFormat()
    {
        var codec = new UdpTimeCodec(Clock);
        Assert.Equal("2026-11-21 09:05:03", codec.Reply(ByteString.Empty).ToUtf8());
    }

    [Fact]
    public void Reply_Format_IsLocalTime()
    {
        var codec = new UdpTimeCodec(Clock);
        Assert.Equal("09:05 +0800", codec.Reply(ByteString.FromString("%H:%M %z")).ToUtf8());
    }

    [Theory]
    [InlineData("%H\n", "09\n")]
    [InlineData("%H\r\n", "09\r\n")]
    [InlineData("\n", "2026-11-21 09:05:03\n")]
    [InlineData("\r\n", "2026-11-21 09:05:03\r\n")]
    public void Reply_TrailingNewline_KeptOutsideFormat(string request, string expected)
    {
        Assert.Equal(expected, new UdpTimeCodec(Clock).Reply(ByteString.FromString(request)).ToUtf8());
    }

    [Fact]
    public void Reply_InvalidUtf8_IsErrorText()
    {
        var reply = new UdpTimeCodec(Clock).Reply(ByteString.FromBytes([0x25, 0xFF, 0x48])).ToUtf8();
        Assert.StartsWith("error:", reply, StringComparison.Ordinal);
        Assert.Contains("UTF-8", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_HugeExpansion_FitsMaxReplyBytes_AtCharacterBoundary()
    {
        var codec = new UdpTimeCodec(Clock, maxReplyBytes: 100);
        var format = string.Concat(Enumerable.Repeat("年%c", 500));
        var reply = codec.Reply(ByteString.FromString(format));
        Assert.True(reply.Count <= 100, reply.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(System.Text.Unicode.Utf8.IsValid(reply.ToArray()));
        Assert.StartsWith("年Sat Nov 21 09:05:03 2026年", reply.ToUtf8(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_ZoneName_OverridesZ()
    {
        var codec = new UdpTimeCodec(Clock, zoneName: "CST");
        Assert.Equal("CST", codec.Reply(ByteString.FromString("%Z")).ToUtf8());
    }

    [Fact]
    public void Constructor_NonPositiveMax_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UdpTimeCodec(Clock, maxReplyBytes: 0));
    }
}
