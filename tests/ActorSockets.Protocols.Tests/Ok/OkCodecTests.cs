using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Ok;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Ok;

public class OkCodecTests
{
    [Fact]
    public void Default_RepliesOkAndTimeOut_WithoutTerminator()
    {
        Assert.Equal(ByteString.FromString("OK"), OkCodec.Default.Reply);
        Assert.Equal(ByteString.FromString("Time out"), OkCodec.Default.TimeoutNotice);
    }

    [Fact]
    public void Constructor_CustomTexts_AreUtf8()
    {
        var codec = new OkCodec("好", "超时");
        Assert.Equal(new byte[] { 0xE5, 0xA5, 0xBD }, codec.Reply.ToArray());
        Assert.Equal("超时", codec.TimeoutNotice.ToUtf8());
    }

    [Fact]
    public void CreateFramer_OneMessagePerRead()
    {
        var results = new List<FrameResult<ByteString>>();
        var framer = OkCodec.CreateFramer();
        framer.Decode(ByteString.FromString("a\nb"), results);
        framer.Decode(ByteString.FromString("c"), results);
        Assert.Equal(2, results.Count);
    }
}
