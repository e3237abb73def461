using ActorSockets.Protocols.Framing;
using Akka.IO;

namespace ActorSockets.Protocols.Ok;

/// <summary>
/// The <c>ok</c> protocol from the first socket tutorial: every message received (every read, framed with
/// <see cref="RawChunkFramer"/>, as the tutorial's <c>recv(1024)</c> loop does) is answered with <c>OK</c>,
/// and a connection idle for the endpoint's timeout is told <c>Time out</c> and closed. The replies are
/// encoded once and shared by every session.
/// Instances are immutable and safe to share between sessions.
/// </summary>
public sealed class OkCodec
{
    /// <summary>The default answer to every message: <c>OK</c>.</summary>
    public const string DefaultReply = "OK";

    /// <summary>The default notice sent before an idle connection is closed: <c>Time out</c>.</summary>
    public const string DefaultTimeoutNotice = "Time out";

    /// <summary>Creates the codec.</summary>
    /// <param name="reply">The answer to every message, sent as UTF-8 without a terminator. Defaults to <c>OK</c>.</param>
    /// <param name="timeoutNotice">The text sent when the idle timeout fires. Defaults to <c>Time out</c>.</param>
    public OkCodec(string reply = DefaultReply, string timeoutNotice = DefaultTimeoutNotice)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(timeoutNotice);
        Reply = ByteString.FromString(reply);
        TimeoutNotice = ByteString.FromString(timeoutNotice);
    }

    /// <summary>A codec with the tutorial's texts.</summary>
    public static OkCodec Default { get; } = new();

    /// <summary>The bytes to write for every received message.</summary>
    public ByteString Reply { get; }

    /// <summary>The bytes to write before closing an idle connection.</summary>
    public ByteString TimeoutNotice { get; }

    /// <summary>Creates the framer a session uses: one frame per received chunk.</summary>
    public static RawChunkFramer CreateFramer() => new();
}
