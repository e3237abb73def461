using Akka.Configuration;
using Akka.IO;
using ActorSockets.IO.Internal;

namespace ActorSockets.IO;

/// <summary>
/// The TCP layer's settings, read from <c>actorsockets.io.tcp</c>. Every default below is the one in the
/// embedded <c>reference.conf</c>.
/// </summary>
public sealed record TcpSettings
{
    /// <summary>The most bytes one read takes, i.e. the largest <see cref="Tcp.Received"/>. Defaults to 64 KiB.</summary>
    public int ReceiveBufferSize { get; init; } = 64 * 1024;

    /// <summary>
    /// Bytes of writes that may wait behind the one in flight; each queued write counts 64 bytes more than its
    /// data, so 0 lets none wait (Akka's one write at a time). Defaults to 128 KiB.
    /// </summary>
    public long WriteQueueLimit { get; init; } = 128 * 1024;

    /// <summary>
    /// How long a new connection waits for <see cref="Tcp.Register"/> before it is closed; the close comes at most a
    /// tenth of this (between 10 ms and 1 s) later, as the manager checks every connection's deadline on one timer.
    /// Defaults to 5 s.
    /// </summary>
    public TimeSpan RegisterTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a close may wait: for accepted writes to reach a peer that does not read (<see cref="Tcp.Close"/>,
    /// <see cref="Tcp.ConfirmedClose"/>, or a peer's FIN without keep-open), and for the peer's FIN after a
    /// <see cref="Tcp.ConfirmedClose"/>. When it expires the connection is reset and the handler and every close
    /// commander get <see cref="Tcp.ErrorClosed"/>. Defaults to 30 s.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a <see cref="Tcp.Connect"/> without its own timeout may take. Defaults to 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The listen backlog when <see cref="Tcp.Bind"/> gives none. Defaults to 1024.</summary>
    public int Backlog { get; init; } = 1024;

    /// <summary>Connections accepted in a row before the listener handles other messages. Defaults to 10.</summary>
    public int BatchAcceptLimit { get; init; } = 10;

    /// <summary>Connections one listener keeps open at most. Defaults to 100,000.</summary>
    public int MaxConnections { get; init; } = 100_000;

    /// <summary><c>SO_REUSEADDR</c> on listening sockets. Defaults to on.</summary>
    public bool ReuseAddress { get; init; } = true;

    /// <summary><c>TCP_NODELAY</c> on every connection. Defaults to on.</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary><c>SO_KEEPALIVE</c> on every connection. Defaults to off.</summary>
    public bool KeepAlive { get; init; }

    /// <summary><c>SO_RCVBUF</c> in bytes; 0 (the default) keeps the operating system's.</summary>
    public int SocketReceiveBufferSize { get; init; }

    /// <summary><c>SO_SNDBUF</c> in bytes; 0 (the default) keeps the operating system's.</summary>
    public int SocketSendBufferSize { get; init; }

    /// <summary>The defaults, as in the embedded <c>reference.conf</c>.</summary>
    public static TcpSettings Default { get; } = new();

    /// <summary>
    /// Reads <c>actorsockets.io.tcp</c> from <paramref name="config"/> (a whole application config), with
    /// the embedded <c>reference.conf</c> as the fallback for every key it does not set.
    /// </summary>
    /// <exception cref="ConfigurationException">A value is of the wrong type or out of range.</exception>
    public static TcpSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config tcp = IoConfig.Section(config, "actorsockets.io.tcp");
        return new TcpSettings
        {
            ReceiveBufferSize = IoConfig.GetSizeAsInt(tcp, "receive-buffer-size", min: 1),
            WriteQueueLimit = IoConfig.GetSize(tcp, "write-queue-limit", min: 0),
            RegisterTimeout = IoConfig.GetPositiveTimeSpan(tcp, "register-timeout"),
            CloseTimeout = IoConfig.GetPositiveTimeSpan(tcp, "close-timeout"),
            ConnectTimeout = IoConfig.GetPositiveTimeSpan(tcp, "connect-timeout"),
            Backlog = IoConfig.GetPositiveInt(tcp, "backlog"),
            BatchAcceptLimit = IoConfig.GetPositiveInt(tcp, "batch-accept-limit"),
            MaxConnections = IoConfig.GetPositiveInt(tcp, "max-connections"),
            ReuseAddress = tcp.GetBoolean("reuse-address"),
            NoDelay = tcp.GetBoolean("no-delay"),
            KeepAlive = tcp.GetBoolean("keep-alive"),
            SocketReceiveBufferSize = IoConfig.GetSizeAsInt(tcp, "socket-receive-buffer-size", min: 0),
            SocketSendBufferSize = IoConfig.GetSizeAsInt(tcp, "socket-send-buffer-size", min: 0),
        };
    }
}
