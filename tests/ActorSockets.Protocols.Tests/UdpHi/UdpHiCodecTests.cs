using ActorSockets.Protocols.UdpHi;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.UdpHi;

public class UdpHiCodecTests
{
    [Fact]
    public void Default_RepliesHi()
    {
        Assert.Equal("hi"u8.ToArray(), UdpHiCodec.Default.Reply.ToArray());
    }

    [Fact]
    public void Constructor_CustomReply_IsUsed()
    {
        Assert.Equal(ByteString.FromString("yo"), new UdpHiCodec("yo").Reply);
    }
}
