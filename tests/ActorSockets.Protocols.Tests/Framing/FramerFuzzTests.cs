using System.Text;
using ActorSockets.Protocols.Framing;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Framing;

/// <summary>Seeded random inputs: decoders never throw on peer bytes, stay within their limits and agree with themselves however the stream is cut.</summary>
public class FramerFuzzTests
{
    private static IEnumerable<byte[]> RandomCuts(Random random, byte[] data)
    {
        var at = 0;
        while (at < data.Length)
        {
            var size = Math.Min(random.Next(1, 64), data.Length - at);
            yield return data[at..(at + size)];
            at += size;
        }
    }

    [Fact]
    public void LineFramer_RandomBytes_NeverThrows_BufferStaysBounded()
    {
        var random = new Random(42);
        for (var round = 0; round < 200; round++)
        {
            var framer = new LineFramer(maxLineLength: 32);
            var data = new byte[random.Next(0, 2000)];
            random.NextBytes(data);
            var results = new List<FrameResult<string>>();
            foreach (var chunk in RandomCuts(random, data))
            {
                framer.Decode(ByteString.FromBytes(chunk), results);
                Assert.True(framer.BufferedCount <= 33);
            }

            Assert.All(results, r => Assert.True(!r.IsFrame || Encoding.UTF8.GetByteCount(r.Frame!) <= 32));
        }
    }

    [Fact]
    public void LineFramer_RandomLinesRandomCuts_SameLinesAsWhole()
    {
        var random = new Random(7);
        string[] pieces = ["a", "é", "欢", "😀", " ", "\r", "xyz"];
        for (var round = 0; round < 200; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 60); i > 0; i--)
            {
                text.Append(random.Next(5) == 0 ? (random.Next(2) == 0 ? "\n" : "\r\n") : pieces[random.Next(pieces.Length)]);
            }

            var data = Encoding.UTF8.GetBytes(text.ToString());
            var whole = FramerHarness.Feed(new LineFramer(maxLineLength: 24), data);
            var cut = FramerHarness.Feed(new LineFramer(maxLineLength: 24), RandomCuts(random, data).ToArray());
            Assert.Equal(whole, cut);
        }
    }

    [Fact]
    public void WriteUtfFramer_RandomBytes_NeverThrows()
    {
        var random = new Random(99);
        for (var round = 0; round < 200; round++)
        {
            var framer = new WriteUtfFramer(maxFrameLength: 300);
            var data = new byte[random.Next(0, 3000)];
            random.NextBytes(data);
            var results = new List<FrameResult<string>>();
            foreach (var chunk in RandomCuts(random, data))
            {
                framer.Decode(ByteString.FromBytes(chunk), results);
            }

            Assert.All(results, r => Assert.True(r.IsFrame || r.Error is FrameError.FrameTooLong or FrameError.MalformedModifiedUtf8));
        }
    }

    [Fact]
    public void WriteUtfFramer_RandomStringsRandomCuts_RoundTrip()
    {
        var random = new Random(5);
        for (var round = 0; round < 100; round++)
        {
            var texts = Enumerable.Range(0, random.Next(1, 8))
                .Select(_ => new string(Enumerable.Range(0, random.Next(0, 50)).Select(_ => (char)random.Next(0, 0x10000)).ToArray()))
                .ToArray();
            var data = texts.SelectMany(t => WriteUtfFramer.Encode(t).ToArray()).ToArray();
            var results = FramerHarness.Feed(new WriteUtfFramer(), RandomCuts(random, data).ToArray());
            Assert.Equal(texts, results.Select(r => r.Frame).ToArray());
        }
    }
}
