using System.Net;
using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.Event;
using Akka.IO;

namespace ActorSockets.Protocols;

/// <summary>
/// The actor behind one TCP endpoint: it binds the endpoint's address through the TCP manager, runs the
/// tutorials' accept loop in actor form (every <see cref="Tcp.Connected"/> is logged with a running count and
/// gets its own session actor as a child, which registers itself as the connection's handler), enforces the endpoint's
/// <c>max-connections</c>, and supervises the sessions.
/// </summary>
/// <remarks>
/// <para>Supervision stops a failing session and nothing else: its connection watches it and closes the
/// socket, while the listener and every other session carry on. Restarting would be wrong here, since a new
/// session instance would not know where the conversation stood.</para>
/// <para>An endpoint with a shared service (the chat's room registry) creates it as a child before binding.</para>
/// <para>Shutdown comes in two steps from <see cref="EndpointHost"/>: unbind (stop accepting; open sessions
/// continue), then drain (every session is told <see cref="ServerShutdown"/>, and the drain is answered once the
/// last one has stopped). Akka's TCP manager makes accepted connections children of its listening actor, so an
/// <see cref="Tcp.Unbind"/> would reset every open connection: while sessions are open, unbinding therefore only
/// refuses new connections (each is closed at once), and the listening socket is unbound when the last session
/// has ended.</para>
/// </remarks>
public sealed class EndpointListener : ReceiveActor
{
    /// <summary>How many connections the TCP listener may accept before it is asked again.</summary>
    private const int AcceptBatch = 64;

    private static readonly SupervisorStrategy SessionStrategy = new OneForOneStrategy(static _ => Directive.Stop);

    private readonly EndpointSettings _settings;
    private readonly TcpEndpointProtocol _protocol;
    private readonly IActorRef _ioManager;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<IActorRef> _sessions = [];
    private readonly List<IActorRef> _drainWaiters = [];
    private IActorRef? _service;
    private IActorRef _starter = ActorRefs.Nobody;
    private IActorRef _unbinder = ActorRefs.Nobody;
    private IActorRef _tcpListener = ActorRefs.Nobody;
    private EndPoint? _localAddress;
    private long _accepted;
    private int _acceptsLeft;

    private EndpointListener(EndpointSettings settings, TcpEndpointProtocol protocol, IActorRef ioManager)
    {
        _settings = settings;
        _protocol = protocol;
        _ioManager = ioManager;
        Idle();
    }

    /// <summary>The props of the listener of <paramref name="settings"/>, a TCP endpoint.</summary>
    /// <exception cref="EndpointConfigException">The endpoint's protocol settings are invalid.</exception>
    /// <param name="settings">The endpoint's settings.</param>
    /// <param name="ioManager">The TCP manager to bind through (from the endpoint's <c>io-manager</c>), such as <c>system.Tcp()</c>.</param>
    public static Props CreateProps(EndpointSettings settings, IActorRef ioManager)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ioManager);
        if (ProtocolCatalog.Create(settings) is not TcpEndpointProtocol protocol)
        {
            throw new EndpointConfigException(settings.Name, "transport", $"protocol '{settings.Protocol}' is not a TCP protocol");
        }

        return CreateProps(settings, protocol, ioManager);
    }

    /// <summary>The props of a listener speaking <paramref name="protocol"/> (tests plug in their own protocols here).</summary>
    internal static Props CreateProps(EndpointSettings settings, TcpEndpointProtocol protocol, IActorRef ioManager) =>
        ActorProps.Of(() => new EndpointListener(settings, protocol, ioManager));

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => SessionStrategy;

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_protocol.ServiceProps is { } serviceProps)
        {
            _service = Context.ActorOf(serviceProps, "service");
        }
    }

    /// <inheritdoc />
    protected override void Unhandled(object message)
    {
        if (message is StopEndpoint)
        {
            Context.Stop(Self);
            return;
        }

        base.Unhandled(message);
    }

    // No PostStop unbind: stopped while listening (a failed start of another endpoint, or the host's stop), this
    // actor is the bind handler the TCP listener watches, so the listener closes its socket when we stop. An
    // Unbind sent from here would have nobody to take its Unbound, a dead letter logged on every failed start.

    /// <summary>Created, not yet asked to bind.</summary>
    private void Idle()
    {
        Receive<StartEndpoint>(_ =>
        {
            _starter = Sender;
            // Pull mode: sessions ask for each read themselves (see TcpSession), and accepting goes in batches.
            _ioManager.Tell(new Tcp.Bind(Self, _settings.BindAddress, options: IoManagers.BindOptions(_settings), pullMode: true), Self);
            Become(Binding);
        });
    }

    /// <summary>Waiting for the TCP manager's answer to our bind.</summary>
    private void Binding()
    {
        Receive<Tcp.Bound>(bound =>
        {
            _tcpListener = Sender;
            _localAddress = bound.LocalAddress;
            Context.Watch(_tcpListener);
            ResumeAccepting();
            EndpointListenerLog.Listening(_log, _settings.Name, _settings.Protocol, _settings.Describe(bound.LocalAddress), _settings.IoManagerName);
            _starter.Tell(new EndpointStarted(bound.LocalAddress), Self);
            Become(Listening);
        });
        Receive<Tcp.CommandFailed>(failed =>
        {
            var reason = EndpointErrors.Describe(failed);
            EndpointListenerLog.BindFailed(_log, _settings.Name, _settings.DescribeAddress(), reason);
            _starter.Tell(new Status.Failure(new EndpointStartException(_settings.Name, _settings.DescribeAddress(), reason, EndpointErrors.CauseOf(failed))), Self);
            Context.Stop(Self);
        });
    }

    /// <summary>Bound: every connection gets a session.</summary>
    private void Listening()
    {
        Receive<Tcp.Connected>(OnConnected);
        Receive<UnbindEndpoint>(_ =>
        {
            if (_sessions.Count == 0)
            {
                StartUnbinding(Sender);
                return;
            }

            // Unbinding now would reset the open sessions' connections (see the remarks): refuse instead.
            EndpointListenerLog.Refusing(_log, _settings.Name, _sessions.Count);
            Sender.Tell(EndpointUnbound.Instance, Self);
            Become(Refusing);
        });
        Receive<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_tcpListener))
            {
                EndpointListenerLog.ListenerLost(_log, _settings.Name);
                _tcpListener = ActorRefs.Nobody;
            }
            else
            {
                OnSessionEnded(terminated.ActorRef);
            }
        });
        ReceiveSessionControl();
    }

    /// <summary>Not accepting: every new connection is closed at once; unbinds when the last open session ends.</summary>
    private void Refusing()
    {
        Receive<Tcp.Connected>(_ => Sender.Tell(Tcp.Close.Instance, Self));
        Receive<UnbindEndpoint>(_ => Sender.Tell(EndpointUnbound.Instance, Self));
        Receive<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_tcpListener))
            {
                OnUnbound();
                return;
            }

            OnSessionEnded(terminated.ActorRef);
            if (_sessions.Count == 0)
            {
                StartUnbinding(ActorRefs.Nobody);
            }
        });
        ReceiveSessionControl();
    }

    /// <summary>Waiting for the listening socket to close; connections still arriving are closed at once.</summary>
    private void Unbinding()
    {
        Receive<Tcp.Connected>(_ => Sender.Tell(Tcp.Close.Instance, Self));
        Receive<Tcp.Unbound>(_ => OnUnbound());
        Receive<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_tcpListener))
            {
                OnUnbound();
            }
            else
            {
                OnSessionEnded(terminated.ActorRef);
            }
        });
        ReceiveSessionControl();
    }

    /// <summary>No longer listening; the open sessions carry on until they end or are drained.</summary>
    private void Unbound()
    {
        Receive<UnbindEndpoint>(_ => Sender.Tell(EndpointUnbound.Instance, Self));
        Receive<Tcp.Connected>(_ => Sender.Tell(Tcp.Close.Instance, Self));
        Receive<Terminated>(terminated => OnSessionEnded(terminated.ActorRef));
        ReceiveSessionControl();
    }

    private void ReceiveSessionControl()
    {
        Receive<DrainEndpoint>(_ =>
        {
            EndpointListenerLog.Draining(_log, _settings.Name, _sessions.Count);
            _drainWaiters.Add(Sender);
            foreach (var session in _sessions)
            {
                session.Tell(ServerShutdown.Instance, Self);
            }

            AnswerDrainWaitersIfDone();
        });
        Receive<SayToLobby>(say => _service?.Tell(new Chat.ChatRoom.ServerSay(say.Text), Self));
        Receive<Tcp.ConnectionClosed>(_ => { });
    }

    private void StartUnbinding(IActorRef unbinder)
    {
        _unbinder = unbinder;
        _tcpListener.Tell(Tcp.Unbind.Instance, Self);
        Become(Unbinding);
    }

    /// <summary>Lets the TCP listener accept another batch of connections (the bind is in pull mode).</summary>
    private void ResumeAccepting()
    {
        _acceptsLeft = AcceptBatch;
        _tcpListener.Tell(new Tcp.ResumeAccepting(AcceptBatch), Self);
    }

    private void OnConnected(Tcp.Connected connected)
    {
        var connection = Sender;
        if (--_acceptsLeft == 0 && !_tcpListener.IsNobody())
        {
            ResumeAccepting();
        }

        if (_sessions.Count >= _settings.MaxConnections)
        {
            EndpointListenerLog.Refused(_log, _settings.Name, connected.RemoteAddress, _sessions.Count, _settings.MaxConnections);
            connection.Tell(Tcp.Close.Instance, Self);
            return;
        }

        var number = ++_accepted;
        var name = "conn-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var session = Context.ActorOf(_protocol.SessionProps(connection, connected, _service), name);
        Context.Watch(session);
        _sessions.Add(session);
        EndpointListenerLog.Accepted(_log, _settings.Name, number, connected.RemoteAddress, name, _sessions.Count);
    }

    private void OnSessionEnded(IActorRef session)
    {
        if (_sessions.Remove(session))
        {
            EndpointListenerLog.SessionEnded(_log, _settings.Name, session.Path.Name, _sessions.Count);
            AnswerDrainWaitersIfDone();
        }
    }

    private void OnUnbound()
    {
        EndpointListenerLog.Unbound(_log, _settings.Name, _localAddress is null ? _settings.DescribeAddress() : _settings.Describe(_localAddress));
        _unbinder.Tell(EndpointUnbound.Instance, Self);
        _tcpListener = ActorRefs.Nobody;
        Become(Unbound);
    }

    private void AnswerDrainWaitersIfDone()
    {
        if (_sessions.Count > 0 || _drainWaiters.Count == 0)
        {
            return;
        }

        foreach (var waiter in _drainWaiters)
        {
            waiter.Tell(EndpointDrained.Instance, Self);
        }

        _drainWaiters.Clear();
    }
}
