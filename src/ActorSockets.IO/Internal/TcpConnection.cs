using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// One actor per TCP connection: it owns the socket, speaks the connection half of the <see cref="Tcp"/>
/// protocol, and is the only thing that ever closes the socket.
/// </summary>
/// <remarks>
/// <para>Design. The socket work happens in a <see cref="TcpChannel"/>; the actor's state is touched only
/// inside its own turn. Incoming data does not pass through this actor: once a handler registers, the
/// channel delivers <see cref="Tcp.Received"/> to it directly (with this actor as sender), which saves a
/// mailbox hop per read. This actor only steers reading (<see cref="Tcp.SuspendReading"/>,
/// <see cref="Tcp.ResumeReading"/>, pull mode) and hears about end-of-stream and failures, which the
/// channel reports only after delivering every byte read before them. Nothing is read before
/// <see cref="Tcp.Register"/>.</para>
/// <para>Connection actors run on Akka's default dispatcher with <see cref="LeanMailbox"/>, a mailbox that holds
/// no storage while idle. Nothing here may block (the dispatcher's threads are shared with every actor), which is
/// why the socket calls are non-blocking and a turn does at most one read (see <c>TcpChannel</c>).</para>
/// <para>Writing tries the kernel synchronously first, so an echo-style exchange costs no extra message. The
/// handler's reference is a <see cref="ConnectionRef"/>: a write told to it while the connection is registered,
/// open and idle (nothing in or being handled from this actor's mailbox, no write pending) is tried in the
/// writer's own turn, under a lock that every turn of this actor also takes, so it saves the mailbox hop without
/// ever running beside the actor or overtaking anything sent before it.
/// A write the kernel cannot take at once stays in flight, later writes queue behind it up to
/// <see cref="TcpSettings.WriteQueueLimit"/> bytes, and anything beyond is refused with
/// <see cref="Tcp.CommandFailed"/> (and, with <see cref="Tcp.Register.UseResumeWriting"/>, so is every
/// write until <see cref="Tcp.ResumeWriting"/>). Memory per connection is therefore bounded.</para>
/// <para>Each state is a behaviour method (<c>WaitingForRegistration</c>, <c>Open</c>,
/// <c>HalfClosedByPeer</c>, <c>Closing</c>, <c>AwaitingPeerFin</c>) that switches on the message type:
/// cheaper in memory and dispatch than handler lists, which matters at ten thousand connections.
/// A close that has to wait on the peer (to read what is still queued, or to send its FIN) waits at most
/// <see cref="TcpSettings.CloseTimeout"/> and then resets the connection, so a peer can never keep a closing
/// socket open (while the connection is open, the handler decides how long to wait for a peer).
/// Every path ends in <c>Context.Stop(Self)</c>, and <see cref="PostStop"/> disposes the channel, so the
/// socket is released however the actor stops: a close, an error, handler death, a stopping listener,
/// system shutdown. Before any close event is sent the channel stops delivering, so the handler never
/// gets data after it.</para>
/// </remarks>
internal abstract partial class TcpConnection : ActorBase
{
    private readonly bool _pullMode;
    private TcpChannel? _channel;
    private IActorRef? _handler;

    /// <summary>The manager's <see cref="Internal.HandlerWatcher"/>, which watches <see cref="_handler"/> for us.</summary>
    private IActorRef? _handlerWatcher;
    private bool _keepOpenOnPeerClosed;
    private bool _useResumeWriting = true;

    /// <summary>
    /// The one timeout a connection has pending at a time: its <see cref="RegisterWait"/> (swept by the manager's
    /// <see cref="RegisterTimeouts"/>) until <see cref="Tcp.Register"/> or a close arrives, none while open, then
    /// the close timeout's <see cref="ICancelable"/> once a close has to wait. One field for both keeps each
    /// connection a reference smaller; <see cref="CancelTimeout"/> (also from <see cref="PostStop"/>) ends
    /// whichever it is.
    /// </summary>
    private object? _timeout;

    /// <summary>This actor's own reference, for use outside its turn (an inline write's ack).</summary>
    private readonly IActorRef _self;

    /// <summary>This actor's mailbox queue when it is ours (it is, unless deployment config chose another).</summary>
    private readonly LeanMessageQueue? _queue;

    /// <summary>What the handler holds; created with the channel. Also the lock of inline writes.</summary>
    private ConnectionRef? _ref;

    /// <summary>
    /// The lock every turn takes: the <see cref="ConnectionRef"/> once it exists (inline writes take it too), this
    /// actor before that, when no inline write is possible yet.
    /// </summary>
    private object Gate => (object?)_ref ?? this;

    /// <summary>Registered and open: writes may go out in the writer's turn (<see cref="TryWriteInline"/>).</summary>
    private volatile bool _inlineWrites;

    protected TcpConnection(TcpSettings settings, ILoggingAdapter logger, bool pullMode)
    {
        Settings = settings;
        Logger = logger;
        _pullMode = pullMode;
        _readingSuspended = pullMode;
        _self = Self;
        _queue = (Context as ActorCell)?.Mailbox?.MessageQueue as LeanMessageQueue;
    }

    protected TcpSettings Settings { get; }

    protected ILoggingAdapter Logger { get; }

    /// <summary>Where the peer's address is not known yet (a shared placeholder, not one per connection).</summary>
    private static readonly EndPoint UnknownAddress = new IPEndPoint(IPAddress.None, 0);

    /// <summary>The peer's address, for logs; set once connected.</summary>
    protected EndPoint RemoteAddress { get; set; } = UnknownAddress;

    protected override bool Receive(object message) => Connected(message);

    /// <summary>
    /// The behaviour of a connected socket: <c>WaitingForRegistration</c> until a handler registers, then
    /// <c>Open</c>. It is the default behaviour (no <c>Become</c>), so the two states every connection goes
    /// through cost no behaviour delegate per connection; the closing states, which are short-lived, use
    /// <c>Become</c>.
    /// </summary>
    protected bool Connected(object message) => _handler is null ? WaitingForRegistration(message) : Open(message);

    /// <summary>
    /// Takes over a connected socket: applies the options, tells <paramref name="announceTo"/>
    /// <see cref="Tcp.Connected"/> with this actor as sender, and waits for <see cref="Tcp.Register"/>.
    /// </summary>
    protected void AcceptConnectedSocket(
        Socket socket,
        IActorRef announceTo,
        EndPoint remote,
        EndPoint local,
        IEnumerable<Inet.SocketOption>? options,
        RegisterTimeouts registerTimeouts,
        IActorRef handlerWatcher)
    {
        _handlerWatcher = handlerWatcher;
        RemoteAddress = remote;
        _ref = new ConnectionRef((IInternalActorRef)Self, this);
        _channel = new TcpChannel(socket, Self, _ref, Settings.ReceiveBufferSize);
        try
        {
            if (Settings.NoDelay)
            {
                SocketOptionTargets.SetNoDelay(socket, true);
            }

            if (Settings.KeepAlive)
            {
                SocketOptionTargets.SetKeepAlive(socket, true);
            }

            foreach (Inet.SocketOption option in options ?? [])
            {
                option.AfterConnect(socket);
            }
        }
        catch (Exception e)
        {
            // A custom option may throw anything. The connection is usable without the option, and an exception
            // escaping here would stop this actor before anyone heard of the connection.
            TcpConnectionLog.OptionsFailed(Logger, remote, e);
        }

        announceTo.Tell(new Tcp.Connected(remote, local), _ref);
        _timeout = registerTimeouts.Start(Self);
    }

    /// <summary>
    /// Each message is handled under the lock that inline writes take, and counted as handled at the end, so an
    /// inline write never runs beside this actor's turn nor overtakes anything sent to it before.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        lock (Gate)
        {
            try
            {
                return base.AroundReceive(receive, message);
            }
            finally
            {
                _queue?.Handled();
            }
        }
    }

    /// <summary>
    /// Called by <see cref="ConnectionRef"/> on the writer's thread: hands <paramref name="write"/> to the kernel now
    /// if the connection is registered and open, nothing is queued for or being handled by this actor, and no write
    /// is pending; false when the write must go through the mailbox instead (always safe).
    /// </summary>
    internal bool TryWriteInline(Tcp.Write write, IActorRef sender)
    {
        if (!_inlineWrites || _queue is not { AllHandled: true } || !Monitor.TryEnter(_ref!))
        {
            return false;
        }

        try
        {
            if (!_inlineWrites || !_queue.AllHandled || _closing || _peerFinSeen || _refusingWrites || !WritesIdle)
            {
                return false;
            }

            StartWrite(new PendingWrite(write, sender));
            return true;
        }
        finally
        {
            Monitor.Exit(_ref!);
        }
    }

    protected override void PostStop()
    {
        _inlineWrites = false;
        if (_handler is not null)
        {
            _handlerWatcher?.Tell(new HandlerWatcher.Forget(_handler, Self), Self);
        }

        CancelTimeout();

        // After an inline write that may still be running on its writer's thread.
        lock (Gate)
        {
            _channel?.Dispose();
        }

        base.PostStop();
    }

    /// <summary>Connected, but nobody has registered yet: nothing is read; writes are already allowed.</summary>
    private bool WaitingForRegistration(object message)
    {
        switch (message)
        {
            case Tcp.Register register:
                OnRegister(register);
                return true;
            case RegisterTimedOut:
                TcpConnectionLog.RegisterTimedOut(Logger, RemoteAddress, Settings.RegisterTimeout);
                Context.Stop(Self);
                return true;
            case Tcp.CloseCommand close:
                BeginClose(close, Sender);
                return true;
            case ChannelFailed failed:
                OnChannelFailed(failed);
                return true;
            default:
                return HandleWrites(message) || HandleReadControl(message);
        }
    }

    /// <summary>Registered and open both ways.</summary>
    private bool Open(object message)
    {
        switch (message)
        {
            case Tcp.Write write:
                OnWrite(write);
                return true;
            case ChannelEndOfStream:
                OnPeerFin();
                return true;
            default:
                return HandleEnding(message) || HandleWrites(message) || HandleReadControl(message);
        }
    }

    /// <summary>The peer sent FIN and the handler asked to keep the connection open: we may still write.</summary>
    private bool HalfClosedByPeer(object message)
    {
        switch (message)
        {
            case Tcp.SuspendReading or Tcp.ResumeReading:
                return true;
            default:
                return HandleEnding(message) || HandleWrites(message);
        }
    }

    /// <summary>
    /// What ends the connection the same way in every state after <c>WaitingForRegistration</c>: a close
    /// command, a channel failure, or the handler's death. Also drops a stale register timeout.
    /// </summary>
    private bool HandleEnding(object message)
    {
        switch (message)
        {
            case RegisterTimedOut:
                // Fired just before Register (or a close) cancelled it and was already queued: the wait is over.
                return true;
            case Tcp.CloseCommand close:
                BeginClose(close, Sender);
                return true;
            case ChannelFailed failed:
                OnChannelFailed(failed);
                return true;
            case HandlerWatcher.HandlerTerminated:
                OnHandlerTerminated();
                return true;
            default:
                return false;
        }
    }

    private void OnRegister(Tcp.Register register)
    {
        CancelTimeout();
        _handler = register.Handler;
        _keepOpenOnPeerClosed = register.KeepOpenOnPeerClosed;
        _useResumeWriting = register.UseResumeWriting;
        _handlerWatcher?.Tell(new HandlerWatcher.Watch(register.Handler, Self), Self);
        StartReading();
        _inlineWrites = _queue is not null;
    }

    private void CancelTimeout()
    {
        switch (_timeout)
        {
            case RegisterWait wait:
                wait.Settle();
                break;
            case ICancelable timer:
                timer.Cancel();
                break;
        }

        _timeout = null;
    }

    private void OnHandlerTerminated()
    {
        // Nobody is left to tell anything: send FIN so the peer reads end-of-stream, and stop.
        TcpConnectionLog.HandlerStopped(Logger, RemoteAddress);
        _channel?.ShutdownOutput();
        Context.Stop(Self);
    }

    private void OnChannelFailed(ChannelFailed failure)
    {
        string cause = SocketErrors.Describe(failure.Error);
        switch (failure.Kind)
        {
            case SocketFailureKind.Reset:
                TcpConnectionLog.ConnectionReset(Logger, RemoteAddress, cause);
                break;
            case SocketFailureKind.Aborted:
                TcpConnectionLog.ConnectionAborted(Logger, RemoteAddress, cause);
                break;
            default:
                TcpConnectionLog.ConnectionFailed(Logger, RemoteAddress, failure.Error);
                break;
        }

        FailQueuedWrites(cause);
        StopWith(new Tcp.ErrorClosed(cause));
    }

    /// <summary>
    /// Releases the socket, tells the handler and every close commander <paramref name="closed"/>, and stops.
    /// The channel is disposed first, so no data can reach the handler after the close event.
    /// </summary>
    private void StopWith(Tcp.ConnectionClosed closed)
    {
        _inlineWrites = false;
        _channel?.Dispose();
        _handler?.Tell(closed, Self);
        foreach (IActorRef commander in _closeCommanders ?? [])
        {
            if (!commander.Equals(_handler))
            {
                commander.Tell(closed, Self);
            }
        }

        Context.Stop(Self);
    }

    /// <summary>
    /// Sent by the manager's <see cref="RegisterTimeouts"/> sweep when no <see cref="Tcp.Register"/> came within the
    /// register timeout. Internal for tests.
    /// </summary>
    internal sealed record RegisterTimedOut : IDeadLetterSuppression
    {
        public static RegisterTimedOut Instance { get; } = new();

        private RegisterTimedOut()
        {
        }
    }
}
