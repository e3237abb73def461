using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// What every connection accepted by one <see cref="TcpListener"/> shares: its settings, the bind's handler,
/// address and options, one <see cref="Props"/> for all of them, and the hand-off queue through which each new
/// connection actor takes its socket.
/// </summary>
/// <remarks>
/// <para>Why a queue instead of a socket captured in each actor's props: a per-connection factory closure, its
/// delegate and its <see cref="Props"/> would be kept alive by every connection's cell for as long as the
/// connection lives, and allocated for every accept. The listener puts exactly one socket into the queue per
/// connection actor it creates, and each actor takes exactly one in its constructor; sockets are interchangeable
/// until taken, so it does not matter which actor starts first.</para>
/// <para>No socket can leak: one left in the queue (an actor that was never constructed) is closed by
/// <see cref="CloseUnclaimed"/>, which the listener calls from <c>PostStop</c>, after all its children stopped.
/// The listener's supervisor strategy stops failing connections, so no actor is ever constructed twice.</para>
/// </remarks>
internal sealed class IncomingConnections
{
    private readonly ConcurrentQueue<Socket> _unclaimed = new();
    private int _live;
    private int _draining;

    public IncomingConnections(
        TcpSettings settings,
        RegisterTimeouts registerTimeouts,
        IActorRef handlerWatcher,
        ILoggingAdapter logger,
        IActorRef bindHandler,
        EndPoint listenAddress,
        IEnumerable<Inet.SocketOption>? options,
        bool pullMode)
    {
        Settings = settings;
        RegisterTimeouts = registerTimeouts;
        HandlerWatcher = handlerWatcher;
        Logger = logger;
        BindHandler = bindHandler;
        ListenAddress = listenAddress;
        Options = options;
        PullMode = pullMode;
        Props = ActorProps.Of(() => new TcpIncomingConnection(this)).WithMailbox(LeanMailbox.Id);
    }

    public TcpSettings Settings { get; }

    /// <summary>The manager's register timeouts, where each connection starts its wait for Register.</summary>
    public RegisterTimeouts RegisterTimeouts { get; }

    /// <summary>The manager's <see cref="Internal.HandlerWatcher"/>, which watches each connection's handler.</summary>
    public IActorRef HandlerWatcher { get; }

    public ILoggingAdapter Logger { get; }

    public IActorRef BindHandler { get; }

    public EndPoint ListenAddress { get; }

    public IEnumerable<Inet.SocketOption>? Options { get; }

    public bool PullMode { get; }

    /// <summary>The props of every connection; each instance takes its socket with <see cref="Claim"/>.</summary>
    public Props Props { get; }

    /// <summary>Called by the listener just before it creates the connection actor that will claim <paramref name="socket"/>.</summary>
    public void HandOver(Socket socket) => _unclaimed.Enqueue(socket);

    /// <summary>Called once by each connection actor's constructor.</summary>
    public Socket? Claim() => _unclaimed.TryDequeue(out Socket? socket) ? socket : null;

    /// <summary>
    /// The connection actors created and not yet stopped, counted here rather than by a message from each stopping
    /// connection to the listener: in a connect storm that message would queue behind, and slow, the accepts.
    /// </summary>
    public int Live => Volatile.Read(ref _live);

    /// <summary>Called by the listener for each connection actor it creates.</summary>
    public void ConnectionStarted() => Interlocked.Increment(ref _live);

    /// <summary>
    /// Called by each connection actor as it stops. Returns whether the listener is draining and must hear of it.
    /// </summary>
    /// <remarks>
    /// The race: the listener starts draining and checks <see cref="Live"/> while the last connection stops. Both
    /// sides write with a full fence (<see cref="Interlocked"/>) before they read the other's field, so at least one
    /// sees the other's write: the listener sees no connection left, or the connection sees the draining and tells.
    /// </remarks>
    public bool ConnectionStopped()
    {
        Interlocked.Decrement(ref _live);
        return Volatile.Read(ref _draining) != 0;
    }

    /// <summary>Called by the listener on Unbind: from now on stopping connections tell it, so it can stop with the last.</summary>
    public void BeginDraining() => Interlocked.Exchange(ref _draining, 1);

    /// <summary>Closes every socket no connection actor claimed.</summary>
    public void CloseUnclaimed()
    {
        while (_unclaimed.TryDequeue(out Socket? socket))
        {
            socket.Dispose();
        }
    }
}
