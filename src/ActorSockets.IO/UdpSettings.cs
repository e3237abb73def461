using Akka.Configuration;
using ActorSockets.IO.Internal;

namespace ActorSockets.IO;

/// <summary>
/// The UDP layer's settings, read from <c>actorsockets.io.udp</c>. Every default below is the one in the
/// embedded <c>reference.conf</c>.
/// </summary>
public sealed record UdpSettings
{
    /// <summary>The largest datagram received or sent; larger incoming ones are dropped. Defaults to 64 KiB.</summary>
    public int MaxDatagramSize { get; init; } = 64 * 1024;

    /// <summary>Per-peer mode: how long a peer actor may go without a datagram before it is stopped. Defaults to 60 s.</summary>
    public TimeSpan PeerIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-peer mode: the most peer actors at once. Defaults to 10,000.</summary>
    public int MaxPeers { get; init; } = 10_000;

    /// <summary>
    /// How dropped datagrams are logged: the first drop at once, then at most one summary line per interval
    /// (with the count) while drops continue. Defaults to 5 s.
    /// </summary>
    public TimeSpan DropLogInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>SO_REUSEADDR</c> on bound sockets. Defaults to off.</summary>
    public bool ReuseAddress { get; init; }

    /// <summary><c>SO_RCVBUF</c> in bytes; 0 (the default) keeps the operating system's.</summary>
    public int SocketReceiveBufferSize { get; init; }

    /// <summary><c>SO_SNDBUF</c> in bytes; 0 (the default) keeps the operating system's.</summary>
    public int SocketSendBufferSize { get; init; }

    /// <summary>The defaults, as in the embedded <c>reference.conf</c>.</summary>
    public static UdpSettings Default { get; } = new();

    /// <summary>
    /// Reads <c>actorsockets.io.udp</c> from <paramref name="config"/> (a whole application config), with
    /// the embedded <c>reference.conf</c> as the fallback for every key it does not set.
    /// </summary>
    /// <exception cref="ConfigurationException">A value is of the wrong type or out of range.</exception>
    public static UdpSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config udp = IoConfig.Section(config, "actorsockets.io.udp");
        return new UdpSettings
        {
            MaxDatagramSize = IoConfig.GetSizeAsInt(udp, "max-datagram-size", min: 1),
            PeerIdleTimeout = IoConfig.GetPositiveTimeSpan(udp, "peer-idle-timeout"),
            MaxPeers = IoConfig.GetPositiveInt(udp, "max-peers"),
            DropLogInterval = IoConfig.GetPositiveTimeSpan(udp, "drop-log-interval"),
            ReuseAddress = udp.GetBoolean("reuse-address"),
            SocketReceiveBufferSize = IoConfig.GetSizeAsInt(udp, "socket-receive-buffer-size", min: 0),
            SocketSendBufferSize = IoConfig.GetSizeAsInt(udp, "socket-send-buffer-size", min: 0),
        };
    }
}
