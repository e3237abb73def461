using ActorSockets.Protocols.Hi;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Hi;

public class HiCodecTests
{
    [Fact]
    public void Default_RepliesHi()
    {
        Assert.Equal("hi"u8.ToArray(), HiCodec.Default.Reply.ToArray());
    }

    [Fact]
    public void Constructor_CustomReply_IsUsed()
    {
        Assert.Equal(ByteString.FromString("hello"), new HiCodec("hello").Reply);
    }
}
