using Akka.IO;

namespace ActorSockets.Protocols.UdpHi;

/// <summary>The <c>udp-hi</c> protocol: every datagram, whatever it holds (even empty), is answered with <c>hi</c> to its sender. Immutable and safe to share.</summary>
public sealed class UdpHiCodec
{
    /// <summary>The default answer: <c>hi</c>.</summary>
    public const string DefaultReply = "hi";

    /// <summary>Creates the codec.</summary>
    /// <param name="reply">The answer, sent as UTF-8 in one datagram. Defaults to <c>hi</c>.</param>
    public UdpHiCodec(string reply = DefaultReply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Reply = ByteString.FromString(reply);
    }

    /// <summary>A codec with the tutorial's text.</summary>
    public static UdpHiCodec Default { get; } = new();

    /// <summary>The datagram to send back for every datagram received.</summary>
    public ByteString Reply { get; }
}
