using ActorSockets.Protocols.Framing;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Framing;

/// <summary>Feeds byte arrays to decoders in chosen pieces and collects the results.</summary>
internal static class FramerHarness
{
    public static List<FrameResult<T>> Feed<T>(IFrameDecoder<T> decoder, params byte[][] chunks)
    {
        var results = new List<FrameResult<T>>();
        foreach (var chunk in chunks)
        {
            decoder.Decode(ByteString.FromBytes(chunk), results);
        }

        return results;
    }

    /// <summary>Every way of cutting <paramref name="data"/> into two chunks (including empty ones).</summary>
    public static IEnumerable<byte[][]> TwoWaySplits(byte[] data)
    {
        for (var cut = 0; cut <= data.Length; cut++)
        {
            yield return [data[..cut], data[cut..]];
        }
    }

    /// <summary><paramref name="data"/> one byte per chunk.</summary>
    public static byte[][] ByteByByte(byte[] data) => data.Select(b => new[] { b }).ToArray();

    public static FrameResult<string> Line(string text) => FrameResult<string>.Success(text);

    public static FrameResult<string> Error(FrameError error) => FrameResult<string>.Failure(error);
}
