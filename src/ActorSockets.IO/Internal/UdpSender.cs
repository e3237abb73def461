using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The actor behind <see cref="Udp.SimpleSender"/>: sends datagrams from unbound sockets, one per address
/// family, each created on first use (so a machine without IPv6 can still send IPv4), and never receives.
/// </summary>
internal sealed class UdpSender : ReceiveActor
{
    private readonly UdpSettings _settings;
    private readonly ILoggingAdapter _logger;
    private readonly IActorRef _commander;
    private readonly Udp.SimpleSender _command;
    private Socket? _ipv4;
    private Socket? _ipv6;

    public UdpSender(UdpSettings settings, ILoggingAdapter logger, IActorRef commander, Udp.SimpleSender command)
    {
        _settings = settings;
        _logger = logger;
        _commander = commander;
        _command = command;
        Receive<Udp.Send>(OnSend);
    }

    protected override void PreStart()
    {
        base.PreStart();
        _commander.Tell(Udp.SimpleSenderReady.Instance, Self);
    }

    protected override void PostStop()
    {
        _ipv4?.Dispose();
        _ipv6?.Dispose();
        base.PostStop();
    }

    private void OnSend(Udp.Send send)
    {
        if (send.Payload.Count > _settings.MaxDatagramSize)
        {
            Sender.Tell(new Udp.CommandFailed(send), Self);
            return;
        }

        try
        {
            Socket socket = SocketFor(send.Target);
            socket.SendTo(send.Payload.ToReadOnlySpan(), SocketFlags.None, send.Target);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            UdpLog.SendFailed(_logger, send.Target, SocketErrors.Describe(e));
            Sender.Tell(new Udp.CommandFailed(send), Self);
            return;
        }

        if (send.WantsAck)
        {
            Sender.Tell(send.Ack, Self);
        }
    }

    private Socket SocketFor(EndPoint target)
    {
        bool v6 = target.AddressFamily == AddressFamily.InterNetworkV6;
        ref Socket? slot = ref v6 ? ref _ipv6 : ref _ipv4;
        if (slot is null)
        {
            Socket socket = SocketFactory.CreateDatagram(v6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0));
            socket.Blocking = false;
            SocketOptionTargets.SetBufferSizes(socket, _settings.SocketReceiveBufferSize, _settings.SocketSendBufferSize);
            foreach (Inet.SocketOption option in _command.Options ?? [])
            {
                option.BeforeConnect(socket);
            }

            slot = socket;
        }

        return slot;
    }
}
