using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;

namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// One chat endpoint's link to the same endpoint on the other hosts of the cluster (docs/cluster-chat.md). A child
/// of the endpoint's <see cref="ChatRegistry"/>: the registry and the rooms tell it every local change and line, it
/// publishes them on the endpoint's DistributedPubSub topic, and it hands what the other hosts publish back to the
/// registry. One publisher per host and FIFO hops (relay, mediator, remote mediator, remote relay) keep each
/// speaker's lines in order on every host.
/// </summary>
/// <remarks>
/// Hosts learn each other's members by rosters: a host publishes <see cref="Hello"/> every
/// <see cref="HelloInterval"/> until it holds the roster of every other host that is up, and a host that sees a
/// <see cref="Hello"/> not naming it publishes its roster (pub-sub subscriptions spread by gossip, so the first
/// ones may be missed; the repetition covers that). A host removed from the cluster takes its members with it:
/// "server shutdown" when it left gracefully, "host lost" when it was downed after a crash. When this host itself
/// is removed it keeps serving its own members alone.
/// </remarks>
public sealed class ClusterChatRelay : ReceiveActor, IWithTimers
{
    /// <summary>Members per <see cref="RosterPart"/>: well under remoting's 128 KB frame at the longest nicks.</summary>
    public const int RosterPartSize = 500;

    /// <summary>Removed host incarnations remembered, so that their late messages are ignored.</summary>
    private const int MaxRemembered = 1000;

    /// <summary>How often a host asks for the rosters it does not have yet.</summary>
    public static readonly TimeSpan HelloInterval = TimeSpan.FromMilliseconds(500);

    private readonly IActorRef _registry;
    private readonly string _topic;
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly IActorRef _mediator;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _origin;
    private readonly Dictionary<long, RosterEntry> _local = [];
    private readonly HashSet<string> _heard = [];
    private readonly Queue<string> _removedOrder = new();
    private readonly HashSet<string> _removed = [];
    private readonly Dictionary<string, List<RosterEntry>> _incoming = [];
    private readonly HashSet<UniqueAddress> _upHosts = [];
    private bool _subscribed;
    private bool _alone;

    /// <summary>Creates the relay of the endpoint <paramref name="endpointName"/> for <paramref name="registry"/>.</summary>
    public ClusterChatRelay(string endpointName, IActorRef registry)
    {
        _registry = registry;
        _topic = "actorsockets.chat." + endpointName;
        _origin = OriginOf(_cluster.SelfUniqueAddress);
        var pubSub = DistributedPubSub.Get(Context.System);
        _mediator = pubSub.Mediator;

        Receive<SubscribeAck>(_ =>
        {
            _subscribed = true;
            SayHello();
        });
        Receive<SendHello>(_ => SayHello());
        Receive<ClusterEvent.CurrentClusterState>(state =>
        {
            foreach (var member in state.Members.Where(m => m.Status == MemberStatus.Up))
            {
                HostUp(member);
            }
        });
        Receive<ClusterEvent.MemberUp>(up => HostUp(up.Member));
        Receive<ClusterEvent.MemberRemoved>(OnRemoved);
        Receive<ClusterEvent.IMemberEvent>(_ => { });

        Receive<MemberJoined>(OnJoined);
        Receive<MemberLeft>(OnLeft);
        Receive<MemberRenamed>(OnRenamed);
        Receive<RoomLine>(line => FromLocalOrRemote(line, line.Origin, l => l with { Origin = _origin }));
        Receive<PrivateLine>(line =>
        {
            if (IsLocal(line.Origin))
            {
                Publish(line with { Origin = _origin });
            }
            else if (line.ToOrigin == _origin && Known(line.Origin))
            {
                _registry.Tell(line, Self);
            }
        });
        Receive<RosterPart>(OnRosterPart);
        Receive<Hello>(OnHello);
    }

    /// <summary>The timers of this actor (Akka sets it).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of the relay of <paramref name="endpointName"/> for <paramref name="registry"/>.</summary>
    public static Props CreateProps(string endpointName, IActorRef registry) =>
        Props.Create(() => new ClusterChatRelay(endpointName, registry));

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
        _mediator.Tell(new Subscribe(_topic, Self));
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent));
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _cluster.Unsubscribe(Self);
        _mediator.Tell(new Unsubscribe(_topic, Self));
    }

    private void Publish(IClusterChatMessage message)
    {
        if (!_alone)
        {
            _mediator.Tell(new Publish(_topic, message));
        }
    }

    private bool IsLocal(string origin) => origin.Length == 0;

    private void FromLocalOrRemote<T>(T message, string origin, Func<T, T> stamp)
        where T : IClusterChatMessage
    {
        if (IsLocal(origin))
        {
            Publish(stamp(message));
        }
        else if (Known(origin))
        {
            _registry.Tell(message, Self);
        }
    }

    /// <summary>
    /// A message from another host counts unless that host incarnation was removed already (a late message from
    /// a lost host must not bring its members back) or this host is alone. Its MemberUp may still be on its way.
    /// </summary>
    private bool Known(string origin) => origin != _origin && !_alone && !_removed.Contains(origin);

    private void OnJoined(MemberJoined joined)
    {
        if (IsLocal(joined.Origin))
        {
            _local[joined.Id] = new RosterEntry(joined.Id, joined.Nick, joined.Room);
            Publish(joined with { Origin = _origin });
        }
        else if (Known(joined.Origin))
        {
            _registry.Tell(joined, Self);
        }
    }

    private void OnLeft(MemberLeft left)
    {
        if (IsLocal(left.Origin))
        {
            _local.Remove(left.Id);
            Publish(left with { Origin = _origin });
        }
        else if (Known(left.Origin))
        {
            _registry.Tell(left, Self);
        }
    }

    private void OnRenamed(MemberRenamed renamed)
    {
        if (IsLocal(renamed.Origin))
        {
            if (_local.TryGetValue(renamed.Id, out var entry))
            {
                _local[renamed.Id] = entry with { Nick = renamed.Nick };
            }

            Publish(renamed with { Origin = _origin });
        }
        else if (Known(renamed.Origin))
        {
            _registry.Tell(renamed, Self);
        }
    }

    private void HostUp(Member member)
    {
        if (member.UniqueAddress.Equals(_cluster.SelfUniqueAddress) || !_upHosts.Add(member.UniqueAddress))
        {
            return;
        }

        ClusterChatRelayLog.HostUp(_log, member.Address.ToString());
        SayHello();
    }

    private void OnRemoved(ClusterEvent.MemberRemoved removed)
    {
        var reason = removed.PreviousStatus is MemberStatus.Exiting or MemberStatus.Leaving
            ? LeaveReason.ServerShutdown
            : LeaveReason.HostLost;
        if (removed.Member.UniqueAddress.Equals(_cluster.SelfUniqueAddress))
        {
            // Downed or left: every other host's members are gone from here, and this host goes on alone.
            _registry.Tell(new HostGone(HostGone.EveryOtherHost, LeaveReason.HostLost), Self);

            _upHosts.Clear();
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
        if (_removed.Add(origin))
        {
            // Remembered so its late messages are ignored; a bounded memory of the last incarnations.
            _removedOrder.Enqueue(origin);
            if (_removedOrder.Count > MaxRemembered)
            {
                _removed.Remove(_removedOrder.Dequeue());
            }

            _upHosts.Remove(removed.Member.UniqueAddress);
            _heard.Remove(origin);
            _incoming.Remove(origin);
            _registry.Tell(new HostGone(origin, reason), Self);
            ClusterChatRelayLog.HostGone(_log, removed.Member.Address.ToString(), ChatFormat.Describe(reason));
        }
    }

    private void OnHello(Hello hello)
    {
        if (!Known(hello.Origin))
        {
            return;
        }

        if (!hello.Heard.Contains(_origin))
        {
            PublishRoster();
        }

        if (!_heard.Contains(hello.Origin))
        {
            // It is up and reaches us, but its roster has not come: ask again.
            SayHello();
        }
    }

    private void PublishRoster()
    {
        var members = _local.Values.ToArray();
        var parts = Math.Max(1, (members.Length + RosterPartSize - 1) / RosterPartSize);
        for (var part = 0; part < parts; part++)
        {
            var slice = members.Skip(part * RosterPartSize).Take(RosterPartSize).ToArray();
            Publish(new RosterPart(_origin, part, part == parts - 1, slice));
        }
    }

    private void OnRosterPart(RosterPart part)
    {
        if (!Known(part.Origin))
        {
            return;
        }

        if (part.Part == 0)
        {
            _incoming[part.Origin] = [];
        }

        if (!_incoming.TryGetValue(part.Origin, out var entries))
        {
            return;
        }

        entries.AddRange(part.Members);
        if (!part.Last)
        {
            return;
        }

        _incoming.Remove(part.Origin);
        _heard.Add(part.Origin);
        _registry.Tell(new RosterReplaced(part.Origin, [.. entries]), Self);
        SayHello();
    }

    private void SayHello()
    {
        if (!_subscribed || _alone)
        {
            return;
        }

        var missing = _upHosts.Any(h => !_heard.Contains(OriginOf(h)));
        if (missing)
        {
            Publish(new Hello(_origin, [.. _heard]));
            Timers.StartSingleTimer(SendHello.Instance, SendHello.Instance, HelloInterval);
        }
        else
        {
            Timers.Cancel(SendHello.Instance);
        }
    }

    /// <summary>To the registry, first: this host's origin name (nick clashes between hosts are settled by it).</summary>
    public sealed record Ready(string Origin);

    /// <summary>To the registry: every member of <paramref name="Origin"/> is gone, for <paramref name="Reason"/>.</summary>
    public sealed record HostGone(string Origin, LeaveReason Reason)
    {
        /// <summary>The <c>Origin</c> that means every host but this one (this host was removed itself).</summary>
        public const string EveryOtherHost = "*";
    }

    /// <summary>To the registry: <paramref name="Origin"/>'s members are exactly <paramref name="Members"/> now.</summary>
    public sealed record RosterReplaced(string Origin, RosterEntry[] Members);

    private sealed class SendHello
    {
        public static readonly SendHello Instance = new();
    }
}
