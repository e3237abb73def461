using System.Net;
using System.Net.Sockets;
using ActorSockets.Actors;
using Microsoft.Extensions.Logging;

namespace ActorSockets.IO.Internal;

/// <summary>
/// One actor per TCP connection: it owns the socket, speaks the connection half of the <see cref="Tcp"/>
/// protocol to its handler, and is the only thing that ever closes the socket.
/// </summary>
/// <remarks>
/// <para>Design. The socket work happens in a <see cref="TcpChannel"/>, which tells this actor about every
/// completion; the actor's state is touched only inside its own turn. Reading is demand-driven: the actor
/// grants the channel one read at a time, and only while a handler is registered, reading is not
/// suspended, and no chunk is being held. That single rule gives back-pressure (a slow handler slows
/// reading to its own pace, because the grant for the next read is issued when this actor forwards the
/// previous chunk), <see cref="Tcp.SuspendReading"/> without loss (a chunk that arrives while suspended is
/// held, at most one, until <see cref="Tcp.ResumeReading"/>), and pull mode (each resume re-suspends after
/// one delivery).</para>
/// <para>Writing tries the kernel synchronously first, so an echo-style exchange costs no extra message.
/// A write the kernel cannot take at once stays in flight, later writes queue behind it up to
/// <see cref="TcpSettings.WriteQueueLimit"/> bytes, and anything beyond is refused with
/// <see cref="Tcp.CommandFailed"/> (and, with <see cref="Tcp.Register.UseResumeWriting"/>, so is every
/// write until <see cref="Tcp.ResumeWriting"/>). Memory per connection is therefore bounded.</para>
/// <para>Closing is a state, not a flag: <c>Closing</c> flushes accepted writes before FIN,
/// <c>AwaitingPeerFin</c> keeps reading after our FIN for <see cref="Tcp.ConfirmedClose"/>, and
/// <c>HalfClosedByPeer</c> keeps writing possible after the peer's FIN. Every path ends in
/// <c>Context.Stop(Self)</c>, and <see cref="PostStop"/> disposes the channel, so the socket is released
/// however the actor stops: a close, an error, handler death, a stopping listener, system shutdown.</para>
/// </remarks>
internal abstract partial class TcpConnection : ReceiveActor
{
    private readonly bool _pullMode;
    private TcpChannel? _channel;
    private IActorRef? _handler;
    private bool _keepOpenOnPeerClosed;
    private bool _useResumeWriting = true;
    private ICancelable? _registerTimeout;

    protected TcpConnection(TcpSettings settings, ILogger logger, bool pullMode)
    {
        Settings = settings;
        Logger = logger;
        _pullMode = pullMode;
        _readingSuspended = pullMode;
    }

    protected TcpSettings Settings { get; }

    protected ILogger Logger { get; }

    /// <summary>The peer's address, for logs; set once connected.</summary>
    protected EndPoint RemoteAddress { get; set; } = new IPEndPoint(IPAddress.None, 0);

    /// <summary>
    /// Takes over a connected socket: applies the options, tells <paramref name="announceTo"/>
    /// <see cref="Tcp.Connected"/> with this actor as sender, and waits for <see cref="Tcp.Register"/>.
    /// </summary>
    protected void AcceptConnectedSocket(
        Socket socket, IActorRef announceTo, EndPoint remote, EndPoint local, IReadOnlyList<Inet.SocketOption>? options)
    {
        RemoteAddress = remote;
        _channel = new TcpChannel(socket, ChannelOwner.TellTo(Self), Settings.ReceiveBufferSize);
        try
        {
            SocketOptionTargets.SetNoDelay(socket, Settings.NoDelay);
            SocketOptionTargets.SetKeepAlive(socket, Settings.KeepAlive);
            foreach (Inet.SocketOption option in options ?? [])
            {
                option.AfterConnect(socket);
            }
        }
        catch (SocketException e)
        {
            TcpConnectionLog.OptionsFailed(Logger, remote, e);
        }

        announceTo.Tell(new Tcp.Connected(remote, local), Self);
        _registerTimeout = Context.System.Scheduler.ScheduleTellOnce(
            Settings.RegisterTimeout, Self, RegisterTimedOut.Instance, Self);
        Become(WaitingForRegistration);
    }

    protected override void PostStop()
    {
        _registerTimeout?.Cancel();
        _channel?.Dispose();
        base.PostStop();
    }

    /// <summary>Connected, but nobody has registered yet: nothing is read; writes are already allowed.</summary>
    private void WaitingForRegistration()
    {
        Receive<Tcp.Register>(OnRegister);
        Receive<RegisterTimedOut>(_ =>
        {
            TcpConnectionLog.RegisterTimedOut(Logger, RemoteAddress, Settings.RegisterTimeout);
            Context.Stop(Self);
        });
        ReceiveWrites();
        ReceiveReadControl();
        Receive<Tcp.CloseCommand>(close => BeginClose(close, Sender));
        Receive<ChannelFailed>(OnChannelFailed);
    }

    /// <summary>Registered and open both ways.</summary>
    private void Open()
    {
        Receive<Tcp.Received>(OnReceived);
        Receive<ChannelEndOfStream>(_ => OnPeerFin());
        ReceiveWrites();
        ReceiveReadControl();
        Receive<Tcp.CloseCommand>(close => BeginClose(close, Sender));
        Receive<ChannelFailed>(OnChannelFailed);
        Receive<Terminated>(OnTerminated);
    }

    /// <summary>The peer sent FIN and the handler asked to keep the connection open: we may still write.</summary>
    private void HalfClosedByPeer()
    {
        ReceiveWrites();
        Receive<Tcp.SuspendReading>(_ => { });
        Receive<Tcp.ResumeReading>(_ => { });
        Receive<Tcp.CloseCommand>(close => BeginClose(close, Sender));
        Receive<ChannelFailed>(OnChannelFailed);
        Receive<Terminated>(OnTerminated);
    }

    private void OnRegister(Tcp.Register register)
    {
        _registerTimeout?.Cancel();
        _registerTimeout = null;
        _handler = register.Handler;
        _keepOpenOnPeerClosed = register.KeepOpenOnPeerClosed;
        _useResumeWriting = register.UseResumeWriting;
        Context.Watch(register.Handler);
        Become(Open);
        RequestReadIfWanted();
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!terminated.ActorRef.Equals(_handler))
        {
            return;
        }

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

    /// <summary>Tells the handler and every close commander <paramref name="closed"/>, then stops (PostStop releases the socket).</summary>
    private void StopWith(Tcp.ConnectionClosed closed)
    {
        _handler?.Tell(closed, Self);
        foreach (IActorRef commander in _closeCommanders)
        {
            if (!commander.Equals(_handler))
            {
                commander.Tell(closed, Self);
            }
        }

        _channel?.Dispose();
        Context.Stop(Self);
    }

    /// <summary>Fires when no <see cref="Tcp.Register"/> came within the register timeout.</summary>
    private sealed record RegisterTimedOut
    {
        public static RegisterTimedOut Instance { get; } = new();

        private RegisterTimedOut()
        {
        }
    }
}
