namespace ActorSockets.IO;

/// <summary>
/// The UDP layer's settings, read from <c>actorsockets.io.udp</c>. Every default below is the one in the
/// embedded <c>reference.conf</c>.
/// </summary>
public sealed record UdpSettings
{
    /// <summary>The largest datagram received or sent; larger incoming ones are dropped. Defaults to 64 KiB.</summary>
    public int MaxDatagramSize { get; init; } = 64 * 1024;

    /// <summary><c>SO_REUSEADDR</c> on bound sockets. Defaults to off.</summary>
    public bool ReuseAddress { get; init; }

    /// <summary><c>SO_RCVBUF</c> in bytes; 0 (the default) keeps the operating system's.</summary>
    public int SocketReceiveBufferSize { get; init; }

    /// <summary><c>SO_SNDBUF</c> in bytes; 0 (the default) keeps the operating system's.</summary>
    public int SocketSendBufferSize { get; init; }

    /// <summary>The defaults, as in the embedded <c>reference.conf</c>.</summary>
    public static UdpSettings Default { get; } = new();
}
