using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Tools.Singleton;
using Akka.Event;

namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// The one place in the cluster that decides who gets a chosen nick (a cluster singleton per chat endpoint, see
/// <see cref="ChatRegistry"/>): when two hosts ask for the same nick at once, exactly one is granted it and the other
/// is refused. It holds chosen nicks only (guest nicks are never claimed, and no member may choose one), each until
/// its member releases it (rename, leave) or its host is removed from the cluster, so it holds at most one entry per
/// member. Guest nicks do not wait for it: it leases each host blocks of guest numbers of its own
/// (<see cref="GuestBlock"/>), so two hosts never give newcomers the same guest nick.
/// </summary>
/// <remarks>
/// <para>
/// Its table is a copy of what the hosts hold, and the hosts are the source of truth. A new authority (the first,
/// the oldest host left, or a restart) starts with a census: it asks every host that is up for its members' chosen
/// nicks (<see cref="NickCensus"/> on that host's chat topic) and answers claims only once every host has answered
/// (<see cref="HeldNicks"/>), was removed, or the census timeout passed. Without it, a claim right after a
/// move would be granted a nick a member elsewhere holds. Claims that come during the census wait, at most
/// <see cref="MaxWaitingClaims"/> of them (beyond that the host's claim times out and its member is told to try
/// again). A host that joins later reports what it decided alone by itself (see <see cref="ChatRegistry"/>).
/// </para>
/// <para>
/// What it cannot prevent is caught after the fact by the hosts (<see cref="ChatRegistry"/> settles a clash by
/// origin): two hosts that decided alone while apart, or a host whose census answer came too late.
/// </para>
/// </remarks>
public sealed class NickAuthority : ReceiveActor, IWithTimers
{
    /// <summary>How long a new authority waits for the hosts' answers before it serves claims anyway, by default.</summary>
    public static readonly TimeSpan DefaultCensusTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How often the census asks the hosts that have not answered yet.</summary>
    public static readonly TimeSpan CensusInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Claims held back during the census.</summary>
    public const int MaxWaitingClaims = 10_000;

    /// <summary>
    /// Guest numbers per block: block <c>k</c> (from 1) is the numbers <c>k * GuestBlockSize + 1</c> to
    /// <c>(k + 1) * GuestBlockSize</c>. Numbers up to <see cref="GuestBlockSize"/> are left to hosts that are not in a
    /// cluster (yet).
    /// </summary>
    public const long GuestBlockSize = 1000;

    private readonly Dictionary<string, (string Origin, long Id)> _holders = new(ChatNames.Comparer);
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _topicPrefix;
    private readonly string _origin;
    private readonly TimeSpan _censusTimeout;
    private readonly HashSet<string> _awaiting = [];
    private readonly List<(IClusterChatMessage Request, IActorRef Sender)> _waiting = [];
    private int _reported;
    private long _lastBlock;

    /// <summary>Creates the authority of the chat endpoint <paramref name="endpointName"/>.</summary>
    /// <param name="endpointName">The chat endpoint's name.</param>
    /// <param name="censusTimeout">How long the census waits for the hosts (see <see cref="DefaultCensusTimeout"/>).</param>
    public NickAuthority(string endpointName, TimeSpan censusTimeout)
    {
        _topicPrefix = ClusterChatRelay.TopicPrefix(endpointName);
        _origin = ClusterChatRelay.OriginOf(_cluster.SelfUniqueAddress);
        _censusTimeout = censusTimeout;
        Receive<HeldNicks>(OnHeld);
        Receive<ReleaseNicks>(release => Release(h => h == (release.Origin, release.Id)));
        Receive<ClusterEvent.MemberRemoved>(removed =>
        {
            var origin = ClusterChatRelay.OriginOf(removed.Member.UniqueAddress);
            Release(h => h.Origin == origin);
            if (_awaiting.Remove(origin))
            {
                ServeIfCounted();
            }
        });
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<AskAgain>(_ => AskForNicks());
        Receive<CensusTimedOut>(_ =>
        {
            NickAuthorityLog.CensusIncomplete(_log, _awaiting.Count, _reported);
            _awaiting.Clear();
            ServeIfCounted();
        });
        Receive<ClaimNick>(WaitOrAnswer);
        Receive<LeaseGuests>(WaitOrAnswer);
    }

    /// <summary>The timers of this actor (Akka sets it).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of the authority of <paramref name="endpointName"/> (wrapped by Akka's ClusterSingletonManager).</summary>
    public static Props CreateProps(string endpointName, TimeSpan? censusTimeout = null) =>
        Props.Create(() => new NickAuthority(endpointName, censusTimeout ?? DefaultCensusTimeout));

    /// <summary>The name of the singleton manager of <paramref name="endpointName"/>'s authority, a top-level actor.</summary>
    public static string ManagerName(string endpointName) => "nick-authority-" + endpointName;

    /// <inheritdoc />
    protected override void PreStart()
    {
        _cluster.Subscribe(Self, typeof(ClusterEvent.MemberRemoved));
        foreach (var member in _cluster.State.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving))
        {
            _awaiting.Add(ClusterChatRelay.OriginOf(member.UniqueAddress));
        }

        AskForNicks();
        Timers.StartPeriodicTimer(AskAgain.Instance, AskAgain.Instance, CensusInterval);
        Timers.StartSingleTimer(CensusTimedOut.Instance, CensusTimedOut.Instance, _censusTimeout);
        ServeIfCounted();
    }

    /// <inheritdoc />
    protected override void PostStop() => _cluster.Unsubscribe(Self);

    /// <summary>
    /// Each host not heard from yet is asked on its chat topic (its relay hands the question to its registry). The
    /// topic's subscription may not have reached this host yet, hence the repetition.
    /// </summary>
    private void AskForNicks()
    {
        var mediator = DistributedPubSub.Get(Context.System).Mediator;
        foreach (var origin in _awaiting)
        {
            mediator.Tell(new Publish(_topicPrefix + origin, new NickCensus(_origin)), Self);
        }
    }

    private void OnHeld(HeldNicks held)
    {
        foreach (var nick in held.Nicks)
        {
            // First come keeps it: two hosts that gave one nick away while apart settle that between themselves.
            _holders.TryAdd(nick.Nick, (held.Origin, nick.Id));
        }

        foreach (var first in held.GuestBlocks)
        {
            _lastBlock = Math.Max(_lastBlock, (first - 1) / GuestBlockSize);
        }

        if (_awaiting.Remove(held.Origin))
        {
            _reported++;
            ServeIfCounted();
        }
    }

    private void ServeIfCounted()
    {
        if (_awaiting.Count > 0)
        {
            return;
        }

        Timers.Cancel(AskAgain.Instance);
        Timers.Cancel(CensusTimedOut.Instance);
        foreach (var (request, sender) in _waiting)
        {
            Answer(request, sender);
        }

        _waiting.Clear();
    }

    private void WaitOrAnswer(IClusterChatMessage request)
    {
        if (_awaiting.Count == 0)
        {
            Answer(request, Sender);
        }
        else if (_waiting.Count < MaxWaitingClaims)
        {
            _waiting.Add((request, Sender));
        }
    }

    private void Answer(IClusterChatMessage request, IActorRef sender)
    {
        switch (request)
        {
            case ClaimNick claim:
                Decide(claim, sender);
                break;
            case LeaseGuests lease:
                // Never handed out twice by this authority, nor (once the census is in) by one before it.
                _lastBlock++;
                sender.Tell(new GuestBlock(lease.Origin, (_lastBlock * GuestBlockSize) + 1, GuestBlockSize));
                break;
        }
    }

    private void Decide(ClaimNick claim, IActorRef sender)
    {
        if (_holders.TryGetValue(claim.Nick, out var holder) && holder != (claim.Origin, claim.Id))
        {
            sender.Tell(new NickRefused(claim.Origin, claim.Id, claim.Nick));
            return;
        }

        // A member holds one chosen nick: whatever it held before is free now.
        Release(h => h == (claim.Origin, claim.Id));
        _holders[claim.Nick] = (claim.Origin, claim.Id);
        sender.Tell(new NickGranted(claim.Origin, claim.Id, claim.Nick));
    }

    private void Release(Func<(string Origin, long Id), bool> held)
    {
        foreach (var nick in _holders.Where(h => held(h.Value)).Select(h => h.Key).ToList())
        {
            _holders.Remove(nick);
        }
    }

    private sealed class AskAgain
    {
        public static readonly AskAgain Instance = new();
    }

    private sealed class CensusTimedOut
    {
        public static readonly CensusTimedOut Instance = new();
    }
}

/// <summary>Starts the singleton manager of a chat endpoint's <see cref="NickAuthority"/> on this host.</summary>
public static class NickAuthoritySingleton
{
    /// <summary>
    /// Starts the manager as a top-level actor, once per endpoint and host (so cluster shutdown hands the singleton
    /// over without waiting on any chat actor), and returns its name.
    /// </summary>
    public static string Start(ActorSystem system, string endpointName, TimeSpan? censusTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var name = NickAuthority.ManagerName(endpointName);
        try
        {
            system.ActorOf(
                ClusterSingletonManager.Props(NickAuthority.CreateProps(endpointName, censusTimeout), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system)),
                name);
        }
        catch (InvalidActorNameException)
        {
            // Started already: the registry asking was restarted by its supervisor.
        }

        return name;
    }
}

/// <summary>A host asks for <paramref name="Nick"/> for its member <paramref name="Id"/>.</summary>
public sealed record ClaimNick(string Origin, long Id, string Nick) : IMemberNick;

/// <summary>The member <paramref name="Id"/> of <paramref name="Origin"/> holds <paramref name="Nick"/> now.</summary>
public sealed record NickGranted(string Origin, long Id, string Nick) : IMemberNick;

/// <summary>Another member holds <paramref name="Nick"/>.</summary>
public sealed record NickRefused(string Origin, long Id, string Nick) : IMemberNick;

/// <summary>The member left or took a guest nick: whatever chosen nick it held is free.</summary>
public sealed record ReleaseNicks(string Origin, long Id) : IClusterChatMessage;

/// <summary>From a new authority (at <paramref name="Origin"/>) to each host: which chosen nicks do your members hold?</summary>
public sealed record NickCensus(string Origin) : IClusterChatMessage;

/// <summary>
/// A host's answer to <see cref="NickCensus"/>, and its report when it joins the cluster: its members' chosen nicks.
/// Sent through the singleton proxy, so it keeps its place among the host's claims and releases.
/// </summary>
/// <remarks>
/// <paramref name="GuestBlocks"/> are the first numbers of the guest blocks it holds, so no block is leased twice.
/// </remarks>
public sealed record HeldNicks(string Origin, HeldNick[] Nicks, long[] GuestBlocks) : IClusterChatMessage;

/// <summary>One member's chosen nick in <see cref="HeldNicks"/>.</summary>
public sealed record HeldNick(long Id, string Nick);

/// <summary>A host asks for a block of guest numbers of its own (it asks again when half of the last is used).</summary>
public sealed record LeaseGuests(string Origin) : IClusterChatMessage;

/// <summary>The guest numbers <paramref name="First"/> to <paramref name="First"/> + <paramref name="Count"/> - 1 are <paramref name="Origin"/>'s alone.</summary>
public sealed record GuestBlock(string Origin, long First, long Count) : IClusterChatMessage;
