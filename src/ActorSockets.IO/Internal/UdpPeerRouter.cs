using System.Net;
using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// Per-peer UDP (<see cref="UdpBindPerPeer"/>): binds an ordinary <see cref="UdpListener"/> with itself as
/// the handler, and gives every remote endpoint its own child actor, the way TCP gives every connection
/// one. Replies from a peer actor (<see cref="Udp.Send"/> to its sender, this actor) go out through the
/// bound socket, with the peer actor as sender so it gets the ack or <see cref="Udp.CommandFailed"/>.
/// </summary>
/// <remarks>
/// Memory stays bounded: at most <c>max-peers</c> actors exist, and a sweep every half idle timeout stops
/// peers that have been quiet for the whole timeout. A datagram from a new peer beyond that is refused,
/// and the refusals are logged through <see cref="UdpDropLog"/> (the first, then a count per interval),
/// so a peer-address flood cannot flood the log. The bound socket's actor watches this one, so stopping
/// it (or its failing) closes the socket.
/// </remarks>
internal sealed class UdpPeerRouter : ReceiveActor, IWithTimers
{
    private readonly ILoggingAdapter _logger;
    private readonly TimeSpan _dropLogInterval;
    private readonly string _refusedReason;
    private readonly IActorRef _commander;
    private readonly UdpBindPerPeer _bind;
    private readonly TimeSpan _idleTimeout;
    private readonly int _maxPeers;
    private readonly Dictionary<EndPoint, Peer> _peers = [];
    private readonly Dictionary<IActorRef, EndPoint> _endpoints = [];
    private IActorRef? _socket;
    private EndPoint _localAddress;
    private ICancelable? _sweep;
    private IActorRef? _unbinder;
    private UdpDropLog? _dropLog;

    public UdpPeerRouter(UdpSettings settings, ILoggingAdapter logger, IActorRef commander, UdpBindPerPeer bind)
    {
        _logger = logger;
        _commander = commander;
        _bind = bind;
        _idleTimeout = bind.IdleTimeout ?? settings.PeerIdleTimeout;
        _maxPeers = bind.MaxPeers ?? settings.MaxPeers;
        _dropLogInterval = settings.DropLogInterval;
        _refusedReason = $"max-peers ({_maxPeers}) reached";
        _localAddress = bind.LocalAddress;
        Binding();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        base.PreStart();
        Context.Parent.Tell(new Udp.Bind(Self, _bind.LocalAddress, _bind.Options), Self);
    }

    protected override void PostStop()
    {
        _sweep?.Cancel();
        base.PostStop();
    }

    /// <summary>Waiting for the socket actor to bind.</summary>
    private void Binding()
    {
        Receive<Udp.Bound>(bound =>
        {
            _socket = Sender;
            _localAddress = bound.LocalAddress;
            _dropLog = new UdpDropLog(_logger, _localAddress, _dropLogInterval);
            Context.Watch(_socket);
            TimeSpan sweepEvery = _idleTimeout / 2;
            _sweep = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(sweepEvery, sweepEvery, Self, Sweep.Instance, Self);
            _commander.Tell(bound, Self);
            Become(Routing);
        });
        Receive<Udp.CommandFailed>(failed =>
        {
            _commander.Tell(new Udp.CommandFailed(_bind), Self);
            Context.Stop(Self);
        });
    }

    /// <summary>Bound: routing datagrams to peer actors and their replies to the socket.</summary>
    private void Routing()
    {
        Receive<Udp.Received>(OnReceived);
        Receive<Udp.Send>(send => _socket!.Tell(send, Sender));
        Receive<Sweep>(_ => StopIdlePeers());
        Receive<UdpDropLog.Tick>(_ => _dropLog!.IntervalElapsed(Timers));
        Receive<Terminated>(OnTerminated);
        Receive<Udp.Unbind>(_ =>
        {
            _unbinder = Sender;
            _socket!.Tell(Udp.Unbind.Instance, Self);
        });
        Receive<Udp.Unbound>(unbound =>
        {
            _unbinder?.Tell(unbound, Self);
            Context.Stop(Self);
        });
    }

    private void OnReceived(Udp.Received received)
    {
        long now = Environment.TickCount64;
        if (_peers.TryGetValue(received.Sender, out Peer? peer))
        {
            peer.LastSeen = now;
            peer.Actor.Tell(received, Self);
            return;
        }

        if (_peers.Count >= _maxPeers)
        {
            _dropLog!.Dropped(1, received.Sender, _refusedReason, Timers);
            return;
        }

        IActorRef actor = Context.ActorOf(_bind.PeerProps(received.Sender));
        Context.Watch(actor);
        _peers[received.Sender] = new Peer(actor) { LastSeen = now };
        _endpoints[actor] = received.Sender;
        actor.Tell(received, Self);
    }

    private void StopIdlePeers()
    {
        long cutoff = Environment.TickCount64 - (long)_idleTimeout.TotalMilliseconds;
        List<EndPoint>? idle = null;
        foreach ((EndPoint endpoint, Peer peer) in _peers)
        {
            if (peer.LastSeen <= cutoff)
            {
                (idle ??= []).Add(endpoint);
            }
        }

        foreach (EndPoint endpoint in idle ?? [])
        {
            // Forgotten at once, so the next datagram from it gets a fresh actor instead of a dying one.
            _peers.Remove(endpoint, out Peer? peer);
            _endpoints.Remove(peer!.Actor);
            Context.Stop(peer.Actor);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        if (terminated.ActorRef.Equals(_socket))
        {
            Context.Stop(Self);
            return;
        }

        if (_endpoints.Remove(terminated.ActorRef, out EndPoint? endpoint))
        {
            _peers.Remove(endpoint);
        }
    }

    private sealed class Peer(IActorRef actor)
    {
        public IActorRef Actor { get; } = actor;

        public long LastSeen { get; set; }
    }

    private sealed record Sweep : IDeadLetterSuppression
    {
        public static Sweep Instance { get; } = new();

        private Sweep()
        {
        }
    }
}
