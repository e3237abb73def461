using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;

namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// One chat endpoint's link to the same endpoint on the other hosts of the cluster (docs/cluster-chat.md). A child
/// of the endpoint's <see cref="ChatRegistry"/>: the registry and the rooms tell it every local change and line; it
/// sends them to each other host on that host's own DistributedPubSub topic, and hands what the other hosts send
/// back to the registry. One sender per host and FIFO hops (relay, mediator, remote mediator, remote relay) keep
/// each speaker's lines in order on every host.
/// </summary>
/// <remarks>
/// <para>
/// Bounded like a member's outbound queue: every event to a host is numbered (<see cref="Relayed"/>), the host
/// acknowledges what it handled (<see cref="Ack"/>), and at most <c>max-unacked-events</c> may be outstanding.
/// A host further behind is cut off like a slow reader: it is skipped (and the skips counted) until it has
/// caught up; then it is told how many events it missed and gets this host's members again. Nobody waits for it.
/// </para>
/// <para>
/// Hosts learn each other's members by rosters: a host sends <see cref="Hello"/> every
/// <see cref="HelloInterval"/> until it holds the roster of every other host that is up, and a host that gets a
/// <see cref="Hello"/> not naming it sends its roster (pub-sub subscriptions spread by gossip, so the first sends
/// may find no subscriber; the repetition covers that). A gap in the numbers asks for the roster again.
/// A host removed from the cluster takes its members with it: "server shutdown" when it left gracefully,
/// "host lost" when it was downed after a crash. When this host itself is removed it serves its own members alone.
/// </para>
/// </remarks>
public sealed partial class ClusterChatRelay : ReceiveActor, IWithTimers
{
    /// <summary>Members per <see cref="RosterPart"/>: well under remoting's 128 KB frame at the longest nicks.</summary>
    public const int RosterPartSize = 500;

    /// <summary>How often a host asks for the rosters it does not have yet.</summary>
    public static readonly TimeSpan HelloInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How soon handled events are acknowledged when fewer than <see cref="AckEvery"/> came.</summary>
    public static readonly TimeSpan AckDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Handled events that are acknowledged at once.</summary>
    public const int AckEvery = 100;

    /// <summary>Removed host incarnations remembered, so that their late messages are ignored.</summary>
    private const int MaxRemembered = 1000;

    private readonly IActorRef _registry;
    private readonly string _topicPrefix;
    private readonly int _window;
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly IActorRef _mediator;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _origin;
    private readonly Dictionary<long, RosterEntry> _local = [];
    private readonly Dictionary<string, Destination> _hosts = [];
    private readonly Dictionary<string, Source> _sources = [];
    private readonly HashSet<string> _heard = [];
    private readonly Dictionary<string, List<RosterEntry>> _incoming = [];
    private readonly Queue<string> _removedOrder = new();
    private readonly HashSet<string> _removed = [];
    private bool _subscribed;
    private bool _alone;

    /// <summary>Creates the relay of the endpoint <paramref name="endpointName"/> for <paramref name="registry"/>.</summary>
    /// <param name="endpointName">The chat endpoint's name: the same name on every host is the same chat.</param>
    /// <param name="registry">The endpoint's registry.</param>
    /// <param name="maxUnackedEvents">Events another host may leave unacknowledged before it is cut off.</param>
    public ClusterChatRelay(string endpointName, IActorRef registry, int maxUnackedEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUnackedEvents, 1);
        _registry = registry;
        _topicPrefix = TopicPrefix(endpointName);
        _window = maxUnackedEvents;
        _origin = OriginOf(_cluster.SelfUniqueAddress);
        _mediator = DistributedPubSub.Get(Context.System).Mediator;

        Receive<SubscribeAck>(_ =>
        {
            _subscribed = true;
            SayHello();
        });
        Receive<SendHello>(_ => SayHello());
        Receive<SendAcks>(_ => SendDueAcks());
        Receive<ClusterEvent.CurrentClusterState>(state =>
        {
            foreach (var member in state.Members.Where(m => m.Status == MemberStatus.Up))
            {
                HostUp(member);
            }
        });
        Receive<ClusterEvent.MemberUp>(up => HostUp(up.Member));
        Receive<NickCensus>(census => _registry.Forward(census));
        Receive<ClusterEvent.MemberRemoved>(OnRemoved);
        Receive<ClusterEvent.IMemberEvent>(_ => { });

        // From the registry and the rooms (no origin yet): to every other host.
        Receive<MemberJoined>(joined => joined.Origin.Length == 0, joined =>
        {
            _local[joined.Id] = new RosterEntry(joined.Id, joined.Nick, joined.Room);
            SendToAll(joined with { Origin = _origin });
        });
        Receive<MemberLeft>(left => left.Origin.Length == 0, left =>
        {
            _local.Remove(left.Id);
            SendToAll(left with { Origin = _origin });
        });
        Receive<MemberRenamed>(renamed => renamed.Origin.Length == 0, renamed =>
        {
            if (_local.TryGetValue(renamed.Id, out var entry))
            {
                _local[renamed.Id] = entry with { Nick = renamed.Nick };
            }

            SendToAll(renamed with { Origin = _origin });
        });
        Receive<RoomLine>(line => line.Origin.Length == 0, line => SendToAll(line with { Origin = _origin }));
        Receive<PrivateLine>(line => line.Origin.Length == 0, line =>
        {
            if (_hosts.TryGetValue(line.ToOrigin, out var host))
            {
                SendTo(host, line with { Origin = _origin });
            }
        });

        // From the other hosts.
        Receive<Relayed>(OnRelayed);
        Receive<Ack>(OnAck);
        Receive<Hello>(hello =>
        {
            if (Known(hello.Origin))
            {
                OnHello(hello);
            }
        });
    }

    /// <summary>The timers of this actor (Akka sets it).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of the relay of <paramref name="endpointName"/> for <paramref name="registry"/>.</summary>
    public static Props CreateProps(string endpointName, IActorRef registry, int maxUnackedEvents) =>
        Props.Create(() => new ClusterChatRelay(endpointName, registry, maxUnackedEvents));

    /// <summary>The start of every pub-sub topic of the chat endpoint <paramref name="endpointName"/>; a host's topic adds its origin.</summary>
    public static string TopicPrefix(string endpointName) => "actorsockets.chat." + endpointName + ".";

    /// <summary>Whether <paramref name="system"/> runs as a cluster member (<c>akka.actor.provider = cluster</c>).</summary>
    public static bool IsClustered(ActorSystem system) =>
        system is ExtendedActorSystem extended && extended.Provider is ClusterActorRefProvider;

    /// <summary>The origin name of a host incarnation: its address and its unique id.</summary>
    public static string OriginOf(UniqueAddress host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Address + "#" + host.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        _registry.Tell(new Ready(_origin), Self);
        _mediator.Tell(new Subscribe(_topicPrefix + _origin, Self));
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent));
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _cluster.Unsubscribe(Self);
        _mediator.Tell(new Unsubscribe(_topicPrefix + _origin, Self));
    }

    /// <summary>
    /// A message from another host counts unless that host incarnation was removed already (a late message from
    /// a lost host must not bring its members back) or this host is alone. Its MemberUp may still be on its way.
    /// </summary>
    private bool Known(string origin) => origin != _origin && !_alone && !_removed.Contains(origin);

    private void SendToAll(IClusterChatMessage message)
    {
        foreach (var host in _hosts.Values)
        {
            SendTo(host, message);
        }
    }

    private void SendTo(Destination host, IClusterChatMessage message)
    {
        if (_alone)
        {
            return;
        }

        if (host.CutOff)
        {
            host.Skipped++;
            return;
        }

        host.Sent++;
        _mediator.Tell(new Publish(host.Topic, new Relayed(_origin, host.Sent, message)), Self);
        if (host.Sent - host.Acked >= _window)
        {
            host.CutOff = true;
            ClusterChatRelayLog.CutOff(_log, host.Name, _window);
        }
    }

    private void OnAck(Ack ack)
    {
        if (!_hosts.TryGetValue(ack.Origin, out var host) || ack.Seq <= host.Acked)
        {
            return;
        }

        host.Acked = Math.Min(ack.Seq, host.Sent);
        if (host.CutOff && host.Acked == host.Sent)
        {
            // Caught up: it hears how much it missed, then who is here now, in that order, and events again.
            host.CutOff = false;
            var missed = host.Skipped;
            host.Skipped = 0;
            ClusterChatRelayLog.Resumed(_log, host.Name, missed);
            SendTo(host, new Missed(_origin, missed));
            SendRoster(host);
        }
    }

    private void OnRelayed(Relayed relayed)
    {
        if (!Known(relayed.Origin))
        {
            return;
        }

        if (!_sources.TryGetValue(relayed.Origin, out var source))
        {
            source = new Source();
            _sources[relayed.Origin] = source;
        }

        source.Sender = Sender;
        if (relayed.Seq != source.Handled + 1 && source.Handled > 0)
        {
            // Lost on the way (a gated association, a message too big): what we know of its members may be wrong.
            ClusterChatRelayLog.Gap(_log, relayed.Origin, source.Handled + 1, relayed.Seq);
            _heard.Remove(relayed.Origin);
            SayHello();
        }

        source.Handled = Math.Max(source.Handled, relayed.Seq);
        if (source.Handled - source.Acked >= AckEvery)
        {
            SendAck(source);
        }
        else if (!Timers.IsTimerActive(SendAcks.Instance))
        {
            // Not restarted by every event: under steady traffic below AckEvery the acks still come every AckDelay.
            Timers.StartSingleTimer(SendAcks.Instance, SendAcks.Instance, AckDelay);
        }

        switch (relayed.Message)
        {
            case RosterPart part:
                OnRosterPart(part);
                break;
            case Hello hello:
                OnHello(hello);
                break;
            case Missed missed:
                _registry.Tell(missed, Self);
                break;
            case PrivateLine line when line.ToOrigin != _origin:
                break;
            default:
                _registry.Tell(relayed.Message, Self);
                break;
        }
    }

    private void SendDueAcks()
    {
        foreach (var source in _sources.Values.Where(s => s.Handled > s.Acked))
        {
            SendAck(source);
        }
    }

    private void SendAck(Source source)
    {
        source.Acked = source.Handled;
        source.Sender?.Tell(new Ack(_origin, source.Handled), Self);
    }

    private void HostUp(Member member)
    {
        var origin = OriginOf(member.UniqueAddress);
        if (member.UniqueAddress.Equals(_cluster.SelfUniqueAddress))
        {
            _registry.Tell(SelfUp.Instance, Self);
            return;
        }

        if (_hosts.ContainsKey(origin) || _removed.Contains(origin))
        {
            return;
        }

        _hosts[origin] = new Destination(origin, _topicPrefix + origin, member.Address.ToString());
        ClusterChatRelayLog.HostUp(_log, member.Address.ToString());
        SayHello();
    }

    private void OnRemoved(ClusterEvent.MemberRemoved removed)
    {
        if (removed.Member.UniqueAddress.Equals(_cluster.SelfUniqueAddress))
        {
            // Downed or left: every other host's members are gone from here, and this host goes on alone.
            _registry.Tell(new HostGone(HostGone.EveryOtherHost, LeaveReason.HostLost), Self);
            _hosts.Clear();
            _sources.Clear();
            _heard.Clear();
            _incoming.Clear();
            _alone = true;
            if (CoordinatedShutdown.Get(Context.System).ShutdownReason is null)
            {
                ClusterChatRelayLog.Alone(_log);
            }

            return;
        }

        var origin = OriginOf(removed.Member.UniqueAddress);
        if (!_removed.Add(origin))
        {
            return;
        }

        // Remembered so its late messages are ignored; a bounded memory of the last incarnations.
        _removedOrder.Enqueue(origin);
        if (_removedOrder.Count > MaxRemembered)
        {
            _removed.Remove(_removedOrder.Dequeue());
        }

        _hosts.Remove(origin);
        _sources.Remove(origin);
        _heard.Remove(origin);
        _incoming.Remove(origin);
        var reason = removed.PreviousStatus is MemberStatus.Exiting or MemberStatus.Leaving
            ? LeaveReason.ServerShutdown
            : LeaveReason.HostLost;
        _registry.Tell(new HostGone(origin, reason), Self);
        ClusterChatRelayLog.HostGone(_log, removed.Member.Address.ToString(), ChatFormat.Describe(reason));
    }
}
