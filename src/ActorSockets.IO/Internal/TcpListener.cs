using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// One actor per <see cref="Tcp.Bind"/>: it owns the listening socket and its <see cref="TcpAcceptor"/>,
/// and every accepted connection is its child. It binds in <see cref="PreStart"/> and answers the commander
/// <see cref="Tcp.Bound"/> with the real address, or <see cref="Tcp.CommandFailed"/> and stops.
/// </summary>
/// <remarks>
/// Accepting is granted like reading: in push mode the acceptor may run
/// <see cref="TcpSettings.BatchAcceptLimit"/> accepts ahead of this actor and gets one more permit per
/// connection taken, so a connect storm cannot flood the mailbox; in pull mode only
/// <see cref="Tcp.ResumeAccepting"/> grants. <see cref="Tcp.Unbind"/> closes the listening socket and answers
/// <see cref="Tcp.Unbound"/> at once, but the actor stays (in <c>Draining</c>) until its connections have
/// finished, so unbinding a server never cuts off the clients it is serving; stopping the actor does, and
/// so does the death of the bind handler, which the listener watches.
/// </remarks>
internal sealed class TcpListener : ReceiveActor, IWithTimers
{
    /// <summary>
    /// The backlog <see cref="Tcp.Bind"/> carries when its sender gave none (Akka's constructor default): it
    /// stands for "not given", and the listener uses the <c>backlog</c> setting instead.
    /// </summary>
    private const int AkkaDefaultBacklog = 100;

    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromSeconds(1);

    private readonly TcpSettings _settings;
    private readonly RegisterTimeouts _registerTimeouts;
    private readonly IActorRef _handlerWatcher;
    private readonly ILoggingAdapter _logger;
    private readonly ILoggingAdapter _connectionLogger;
    private readonly IActorRef _commander;
    private IncomingConnections? _incoming;
    private readonly Tcp.Bind _bind;
    private TcpAcceptor? _acceptor;
    private EndPoint _localAddress;
    private string? _unixPathToDelete;

    /// <summary>Accept permits spent on failed accepts, given back together when the retry timer fires.</summary>
    private int _acceptsToRetry;

    public TcpListener(
        TcpSettings settings,
        RegisterTimeouts registerTimeouts,
        IActorRef handlerWatcher,
        ILoggingAdapter logger,
        ILoggingAdapter connectionLogger,
        IActorRef commander,
        Tcp.Bind bind)
    {
        _settings = settings;
        _registerTimeouts = registerTimeouts;
        _handlerWatcher = handlerWatcher;
        _logger = logger;
        _connectionLogger = connectionLogger;
        _commander = commander;
        _bind = bind;
        _localAddress = bind.LocalAddress;
        Listening();
    }

    /// <summary>The retry timer lives here, so it dies with the listener on every stop path.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        base.PreStart();
        Socket socket;
        try
        {
            socket = Bind();
        }
        catch (Exception e)
        {
            // Anything at all, a custom option's own exception included: an exception escaping PreStart would stop
            // this actor without a word to the commander.
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } inUse
                && _bind.LocalAddress is UnixDomainSocketEndPoint unix)
            {
                e = SocketFactory.ExplainUnixPathInUse(unix, inUse);
            }

            TcpListenerLog.BindFailed(_logger, _bind.LocalAddress, SocketErrors.Describe(e));
            _commander.Tell(new Tcp.CommandFailed(_bind).WithCause(e), Self);
            Context.Stop(Self);
            return;
        }

        _incoming = new IncomingConnections(
            _settings, _registerTimeouts, _handlerWatcher, _connectionLogger, _bind.Handler, _localAddress, _bind.Options, _bind.PullMode);
        _acceptor = new TcpAcceptor(socket, ChannelOwner.TellTo(Self));
        _acceptor.Start();
        Context.Watch(_bind.Handler);
        if (!_bind.PullMode)
        {
            _acceptor.Grant(_settings.BatchAcceptLimit);
        }

        TcpListenerLog.Bound(_logger, _localAddress);
        _commander.Tell(new Tcp.Bound(_localAddress), Self);
    }

    protected override void PostStop()
    {
        CloseListeningSocket();
        _incoming?.CloseUnclaimed();
        base.PostStop();
    }

    private Socket Bind()
    {
        Socket socket = SocketFactory.CreateStream(_bind.LocalAddress);
        try
        {
            SocketOptionTargets.SetReuseAddress(socket, _settings.ReuseAddress);
            SocketOptionTargets.SetBufferSizes(socket, _settings.SocketReceiveBufferSize, _settings.SocketSendBufferSize);
            foreach (Inet.SocketOption option in _bind.Options ?? [])
            {
                option.BeforeServerSocketBind(socket);
            }

            socket.Bind(_bind.LocalAddress);
            _unixPathToDelete = SocketFactory.UnixPath(_bind.LocalAddress);
            socket.Listen(_bind.Backlog == AkkaDefaultBacklog ? _settings.Backlog : _bind.Backlog);
            _localAddress = socket.LocalEndPoint ?? _bind.LocalAddress;
            return socket;
        }
        catch
        {
            socket.Dispose();
            DeleteUnixSocketFile();
            throw;
        }
    }

    /// <summary>Accepting connections.</summary>
    private void Listening()
    {
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(_bind.Handler), _ =>
        {
            // Nobody is left to announce connections to: stop listening, and the connections with us.
            TcpListenerLog.HandlerStopped(_logger, _localAddress);
            Context.Stop(Self);
        });
        Receive<ChannelAccepted>(_ => OnAccepted());
        Receive<Tcp.ResumeAccepting>(resume => _acceptor?.Grant(Math.Max(1, resume.BatchSize)));
        Receive<ChannelAcceptFailed>(OnAcceptFailed);
        Receive<RetryAccept>(_ =>
        {
            _acceptor?.Grant(_acceptsToRetry);
            _acceptsToRetry = 0;
        });
        Receive<Tcp.Unbind>(_ =>
        {
            CloseListeningSocket();
            TcpListenerLog.Unbound(_logger, _localAddress);
            Sender.Tell(Tcp.Unbound.Instance, Self);
            Become(Draining);
            _incoming?.BeginDraining();
            StopIfDrained();
        });
        Receive<ConnectionStopped>(_ => { });
    }

    /// <summary>Unbound: no longer accepting, waiting for the existing connections to finish.</summary>
    private void Draining()
    {
        Receive<Terminated>(_ => { });
        Receive<Tcp.Unbind>(_ => Sender.Tell(Tcp.Unbound.Instance, Self));
        Receive<Tcp.ResumeAccepting>(_ => { });
        Receive<ChannelAccepted>(_ => { });
        Receive<ChannelAcceptFailed>(_ => { });
        Receive<RetryAccept>(_ => { });
        Receive<ConnectionStopped>(_ => StopIfDrained());
    }

    private void OnAccepted()
    {
        Socket? socket = _acceptor?.TakeAccepted();
        if (socket is null)
        {
            return;
        }

        IncomingConnections incoming = _incoming!;
        if (incoming.Live >= _settings.MaxConnections)
        {
            TcpListenerLog.MaxConnectionsReached(
                _logger, _localAddress, _settings.MaxConnections, SocketFactory.RemoteOf(socket, _localAddress));
            socket.Dispose();
        }
        else
        {
            incoming.ConnectionStarted();
            incoming.HandOver(socket);
            Context.ActorOf(incoming.Props);
        }

        if (!_bind.PullMode)
        {
            _acceptor?.Grant(1);
        }
    }

    /// <summary>
    /// Each failed accept spent a permit. A client that went away before its connection was accepted is routine
    /// (Debug) and the permit is given back at once; anything else is logged as an error and retried after a pause,
    /// so that a persistent failure (out of file descriptors, say) does not spin.
    /// </summary>
    private void OnAcceptFailed(ChannelAcceptFailed failed)
    {
        if (failed.Kind == SocketFailureKind.Reset)
        {
            TcpListenerLog.ClientLeftBeforeAccept(_logger, _localAddress, SocketErrors.Describe(failed.Error));
            _acceptor?.Grant(1);
            return;
        }

        TcpListenerLog.AcceptFailed(_logger, _localAddress, AcceptRetryDelay, failed.Error);
        _acceptsToRetry++;
        if (!Timers.IsTimerActive(RetryAccept.Instance))
        {
            Timers.StartSingleTimer(RetryAccept.Instance, RetryAccept.Instance, AcceptRetryDelay);
        }
    }

    private void StopIfDrained()
    {
        if (_incoming is null || _incoming.Live == 0)
        {
            Context.Stop(Self);
        }
    }

    private void CloseListeningSocket()
    {
        _acceptor?.Dispose();
        _acceptor = null;
        DeleteUnixSocketFile();
    }

    private void DeleteUnixSocketFile()
    {
        if (_unixPathToDelete is { } path)
        {
            _unixPathToDelete = null;
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a stale socket file only matters to the next bind, which reports it.
            }
        }
    }

    /// <summary>
    /// Sent by a connection to its draining listener (after Unbind) from PostStop, so the listener can stop with
    /// its last connection without watching each of them. The count itself is <see cref="IncomingConnections.Live"/>.
    /// </summary>
    internal sealed record ConnectionStopped : IDeadLetterSuppression
    {
        public static ConnectionStopped Instance { get; } = new();

        private ConnectionStopped()
        {
        }
    }

    private sealed record RetryAccept
    {
        public static RetryAccept Instance { get; } = new();

        private RetryAccept()
        {
        }
    }
}
