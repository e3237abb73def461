using Akka.IO;

namespace ActorSockets.Protocols.Framing;

/// <summary>
/// A stateful decoder that turns the chunks a connection receives into frames. Feed every <c>Received</c>
/// chunk, in order, to <see cref="Decode"/>; it appends zero or more results. Decoders never throw on peer
/// input and never buffer more than their configured limit. One instance serves one connection and is not
/// thread-safe (an actor owns it).
/// </summary>
/// <remarks>
/// The usual pattern in a session actor keeps one results list for its lifetime, so decoding allocates only the
/// frames themselves: <c>_decoder.Decode(received.Data, _results); foreach (var r in _results) { ... } _results.Clear();</c>
/// </remarks>
/// <typeparam name="T">The frame type.</typeparam>
public interface IFrameDecoder<T>
{
    /// <summary>Whether bytes of an unfinished frame are buffered (or being skipped) awaiting more input.</summary>
    bool HasPartial { get; }

    /// <summary>Consumes <paramref name="chunk"/> and appends each completed frame or error to <paramref name="results"/>, in order.</summary>
    void Decode(ByteString chunk, ICollection<FrameResult<T>> results);

    /// <summary>Forgets any buffered partial frame, returning the decoder to its initial state.</summary>
    void Reset();
}
