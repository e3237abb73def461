using Akka.IO;

namespace ActorSockets.Protocols.Framing;

/// <summary>
/// The identity framing: every non-empty received chunk is one frame, exactly as the socket delivered it (the
/// tutorials' <c>recv(1024)</c> semantics). It never buffers and never fails; it exists so sessions can treat
/// every framing through the same <see cref="IFrameDecoder{T}"/> shape.
/// </summary>
public sealed class RawChunkFramer : IFrameDecoder<ByteString>
{
    /// <summary>Always false: nothing is ever buffered.</summary>
    public bool HasPartial => false;

    /// <summary>Returns <paramref name="payload"/> unchanged; raw framing adds nothing on the wire.</summary>
    public static ByteString Encode(ByteString payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload;
    }

    /// <summary>Appends <paramref name="chunk"/> as one frame unless it is empty; no copy is made.</summary>
    public void Decode(ByteString chunk, ICollection<FrameResult<ByteString>> results)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(results);
        if (!chunk.IsEmpty)
        {
            results.Add(FrameResult<ByteString>.Success(chunk));
        }
    }

    /// <summary>Does nothing: a raw framer has no state.</summary>
    public void Reset()
    {
    }
}
