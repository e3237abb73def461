using ActorSockets.Protocols.Framing;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Framing;

public class RawChunkFramerTests
{
    [Fact]
    public void Decode_EachChunk_IsOneFrame_SameInstance()
    {
        var framer = new RawChunkFramer();
        var results = new List<FrameResult<ByteString>>();
        var first = ByteString.FromString("hello\nworld");
        var second = ByteString.FromString("x");
        framer.Decode(first, results);
        framer.Decode(second, results);
        Assert.Equal(2, results.Count);
        Assert.Same(first, results[0].Frame);
        Assert.Same(second, results[1].Frame);
        Assert.False(framer.HasPartial);
    }

    [Fact]
    public void Decode_EmptyChunk_YieldsNothing()
    {
        var results = new List<FrameResult<ByteString>>();
        new RawChunkFramer().Decode(ByteString.Empty, results);
        Assert.Empty(results);
    }

    [Fact]
    public void Encode_IsIdentity()
    {
        var payload = ByteString.FromString("hi");
        Assert.Same(payload, RawChunkFramer.Encode(payload));
    }
}
