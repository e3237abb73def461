using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// One actor per <see cref="Udp.Bind"/>: owns the bound datagram socket, delivers each datagram to the
/// handler as <see cref="Udp.Received"/> (one read granted at a time, like a TCP connection), and sends
/// <see cref="Udp.Send"/> datagrams from the same socket so replies come from the bound port. Dropped
/// datagrams (oversized, per-datagram errors) never stop it; the death of the handler, which it watches,
/// does.
/// </summary>
/// <remarks>
/// <para>
/// The socket counts drops itself and tells this actor with at most one message at a time, so a flood
/// of bad datagrams cannot grow this mailbox; <see cref="UdpDropLog"/> then logs the first drop and a
/// summary per <c>drop-log-interval</c>, not a line per datagram.
/// </para>
/// <para>
/// The next read is granted as soon as a datagram has been told to the handler, as Akka.IO's UDP
/// listener does: there is no ack for <see cref="Udp.Received"/>, so the handler's mailbox absorbs a
/// burst, and a handler that falls behind uses <see cref="Udp.SuspendReading"/> (or a bounded mailbox).
/// </para>
/// </remarks>
internal sealed class UdpListener : ReceiveActor, IWithTimers
{
    private readonly UdpSettings _settings;
    private readonly ILoggingAdapter _logger;
    private readonly IActorRef _commander;
    private readonly Udp.Bind _bind;
    private UdpChannel? _channel;
    private EndPoint _localAddress;
    private bool _suspended;
    private bool _readInFlight;
    private Udp.Received? _held;
    private UdpDropLog? _dropLog;

    public UdpListener(UdpSettings settings, ILoggingAdapter logger, IActorRef commander, Udp.Bind bind)
    {
        _settings = settings;
        _logger = logger;
        _commander = commander;
        _bind = bind;
        _localAddress = bind.LocalAddress;
        Bound();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        base.PreStart();
        Socket? socket = null;
        try
        {
            socket = SocketFactory.CreateDatagram(_bind.LocalAddress);
            SocketOptionTargets.SetReuseAddress(socket, _settings.ReuseAddress);
            SocketOptionTargets.SetBufferSizes(socket, _settings.SocketReceiveBufferSize, _settings.SocketSendBufferSize);
            foreach (Inet.SocketOption option in _bind.Options ?? [])
            {
                option.BeforeDatagramBind(socket);
            }

            socket.Bind(_bind.LocalAddress);
            _localAddress = socket.LocalEndPoint ?? _bind.LocalAddress;
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            socket?.Dispose();
            UdpLog.BindFailed(_logger, _bind.LocalAddress, SocketErrors.Describe(e));
            _commander.Tell(new Udp.CommandFailed(_bind), Self);
            Context.Stop(Self);
            return;
        }

        _channel = new UdpChannel(socket, ChannelOwner.TellTo(Self), _settings.MaxDatagramSize);
        _dropLog = new UdpDropLog(_logger, _localAddress, _settings.DropLogInterval);
        Context.Watch(_bind.Handler);
        _commander.Tell(new Udp.Bound(_localAddress), Self);
        RequestReadIfWanted();
    }

    protected override void PostStop()
    {
        _channel?.Dispose();
        base.PostStop();
    }

    private void Bound()
    {
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(_bind.Handler), _ => Context.Stop(Self));
        Receive<Udp.Received>(received =>
        {
            _readInFlight = false;
            if (_suspended)
            {
                _held = received;
                return;
            }

            _bind.Handler.Tell(received, Self);
            RequestReadIfWanted();
        });
        Receive<Udp.Send>(OnSend);
        Receive<Udp.SuspendReading>(_ => _suspended = true);
        Receive<Udp.ResumeReading>(_ =>
        {
            _suspended = false;
            if (_held is { } held)
            {
                _held = null;
                _bind.Handler.Tell(held, Self);
            }

            RequestReadIfWanted();
        });
        Receive<ChannelDatagramDropped>(dropped => _dropLog!.Dropped(_channel!.TakeDropped(), dropped.From, dropped.Reason, Timers));
        Receive<UdpDropLog.Tick>(_ => _dropLog!.IntervalElapsed(Timers));
        Receive<ChannelFailed>(failed =>
        {
            UdpLog.ReceiveFailed(_logger, _localAddress, failed.Error);
            Context.Stop(Self);
        });
        Receive<Udp.Unbind>(_ =>
        {
            _channel?.Dispose();
            Sender.Tell(Udp.Unbound.Instance, Self);
            Context.Stop(Self);
        });
    }

    private void RequestReadIfWanted()
    {
        if (!_readInFlight && !_suspended && _held is null && _channel is not null)
        {
            _readInFlight = true;
            _channel.RequestRead();
        }
    }

    private void OnSend(Udp.Send send)
    {
        if (send.Payload.Count > _settings.MaxDatagramSize)
        {
            Sender.Tell(new Udp.CommandFailed(send), Self);
            return;
        }

        Exception? error = _channel!.TrySend(send.Payload.ToReadOnlySpan(), send.Target);
        if (error is not null)
        {
            UdpLog.SendFailed(_logger, send.Target, SocketErrors.Describe(error));
            Sender.Tell(new Udp.CommandFailed(send), Self);
        }
        else if (send.WantsAck)
        {
            Sender.Tell(send.Ack, Self);
        }
    }
}
