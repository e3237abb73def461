using System.Net;
using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.Event;
using Akka.IO;

namespace ActorSockets.Protocols;

/// <summary>
/// The actor behind one UDP endpoint: it binds a datagram socket through the UDP manager and answers every
/// datagram with the protocol's reply, sent back to the datagram's sender. Datagrams are independent, so
/// there are no sessions; a datagram that cannot be answered is logged and dropped, and never stops the
/// endpoint.
/// </summary>
public sealed class UdpEndpoint : ReceiveActor
{
    private readonly EndpointSettings _settings;
    private readonly UdpEndpointProtocol _protocol;
    private readonly IActorRef _ioManager;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IActorRef _starter = ActorRefs.Nobody;
    private IActorRef _unbinder = ActorRefs.Nobody;
    private IActorRef _socket = ActorRefs.Nobody;
    private EndPoint? _localAddress;

    private UdpEndpoint(EndpointSettings settings, UdpEndpointProtocol protocol, IActorRef ioManager)
    {
        _settings = settings;
        _protocol = protocol;
        _ioManager = ioManager;
        Idle();
    }

    /// <summary>The props of the actor of <paramref name="settings"/>, a UDP endpoint.</summary>
    /// <exception cref="EndpointConfigException">The endpoint's protocol settings are invalid.</exception>
    /// <param name="settings">The endpoint's settings.</param>
    /// <param name="ioManager">The UDP manager to bind through (from the endpoint's <c>io-manager</c>), such as <c>system.Udp()</c>.</param>
    public static Props CreateProps(EndpointSettings settings, IActorRef ioManager)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ioManager);
        if (ProtocolCatalog.Create(settings) is not UdpEndpointProtocol protocol)
        {
            throw new EndpointConfigException(settings.Name, "transport", $"protocol '{settings.Protocol}' is not a UDP protocol");
        }

        return CreateProps(settings, protocol, ioManager);
    }

    /// <summary>The props of an endpoint answering with <paramref name="protocol"/> (tests plug in their own protocols here).</summary>
    internal static Props CreateProps(EndpointSettings settings, UdpEndpointProtocol protocol, IActorRef ioManager) =>
        ActorProps.Of(() => new UdpEndpoint(settings, protocol, ioManager));

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

    // No PostStop unbind: this actor is the bind handler the UDP listener watches, so the listener closes its
    // socket when we stop (see EndpointListener).

    private void Idle()
    {
        Receive<StartEndpoint>(_ =>
        {
            _starter = Sender;
            _ioManager.Tell(new Udp.Bind(Self, _settings.BindAddress, IoManagers.BindOptions(_settings)), Self);
            Become(Binding);
        });
    }

    private void Binding()
    {
        Receive<Udp.Bound>(bound =>
        {
            _socket = Sender;
            _localAddress = bound.LocalAddress;
            EndpointListenerLog.Listening(_log, _settings.Name, _settings.Protocol, _settings.Describe(bound.LocalAddress), _settings.IoManagerName);
            _starter.Tell(new EndpointStarted(bound.LocalAddress), Self);
            Become(Answering);
        });
        Receive<Udp.CommandFailed>(failed =>
        {
            var reason = EndpointErrors.Describe(failed);
            EndpointListenerLog.BindFailed(_log, _settings.Name, _settings.DescribeAddress(), reason);
            _starter.Tell(new Status.Failure(new EndpointStartException(_settings.Name, _settings.DescribeAddress(), reason)), Self);
            Context.Stop(Self);
        });
    }

    private void Answering()
    {
        Receive<Udp.Received>(OnDatagram);
        Receive<Udp.CommandFailed>(failed =>
        {
            if (failed.Cmd is Udp.Send send)
            {
                EndpointListenerLog.DatagramNotAnswered(_log, _settings.Name, send.Target, EndpointErrors.Describe(failed));
            }
        });
        Receive<UnbindEndpoint>(_ =>
        {
            _unbinder = Sender;
            _socket.Tell(Udp.Unbind.Instance, Self);
            Become(Unbinding);
        });
        ReceiveControl();
    }

    private void Unbinding()
    {
        Receive<Udp.Unbound>(_ =>
        {
            EndpointListenerLog.Unbound(_log, _settings.Name, _localAddress is null ? _settings.DescribeAddress() : _settings.Describe(_localAddress));
            _unbinder.Tell(EndpointUnbound.Instance, Self);
            _socket = ActorRefs.Nobody;
            Become(Unbound);
        });
        Receive<Udp.Received>(_ => { });
        Receive<Udp.CommandFailed>(_ => { });
        ReceiveControl();
    }

    private void Unbound()
    {
        Receive<UnbindEndpoint>(_ => Sender.Tell(EndpointUnbound.Instance, Self));
        Receive<Udp.Received>(_ => { });
        Receive<Udp.CommandFailed>(_ => { });
        ReceiveControl();
    }

    private void ReceiveControl()
    {
        Receive<DrainEndpoint>(_ => Sender.Tell(EndpointDrained.Instance, Self));
        Receive<SayToLobby>(_ => { });
    }

    private void OnDatagram(Udp.Received received)
    {
        ByteString answer;
        try
        {
            answer = _protocol.Answer(received.Data);
        }
#pragma warning disable CA1031 // One datagram must never stop the endpoint: any codec failure drops that datagram only.
        catch (Exception e)
#pragma warning restore CA1031
        {
            EndpointListenerLog.DatagramNotAnswered(_log, _settings.Name, received.Sender, e.Message);
            return;
        }

        _socket.Tell(Udp.Send.Create(answer, received.Sender), Self);
    }
}
