using ActorSockets.Protocols.Framing;
using Akka.IO;

namespace ActorSockets.Protocols.Hi;

/// <summary>
/// The <c>hi</c> protocol: the server reads one message (one read, as the tutorial's <c>conn.recv(1024)</c>),
/// answers <c>hi</c> and closes. What the message says does not matter, so the session only needs to know
/// that a non-empty chunk arrived.
/// Instances are immutable and safe to share between sessions.
/// </summary>
public sealed class HiCodec
{
    /// <summary>The default answer: <c>hi</c>.</summary>
    public const string DefaultReply = "hi";

    /// <summary>Creates the codec.</summary>
    /// <param name="reply">The answer, sent as UTF-8 without a terminator. Defaults to <c>hi</c>.</param>
    public HiCodec(string reply = DefaultReply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Reply = ByteString.FromString(reply);
    }

    /// <summary>A codec with the tutorial's text.</summary>
    public static HiCodec Default { get; } = new();

    /// <summary>The bytes to write once the message has arrived.</summary>
    public ByteString Reply { get; }

    /// <summary>Creates the framer a session uses: one frame per received chunk.</summary>
    public static RawChunkFramer CreateFramer() => new();
}
