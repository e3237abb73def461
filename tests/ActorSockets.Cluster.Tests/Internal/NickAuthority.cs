using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorSockets.Cluster.Tests.Internal;

/// <summary>
/// The experiment's cluster-wide nick authority, run as a cluster singleton: claims are decided one at a time in
/// its mailbox, so of two hosts racing for one nick exactly one is granted it.
/// </summary>
/// <remarks>
/// A singleton's state dies with its host, and the hosts are the source of truth for their own members' nicks. So
/// a new incarnation starts in <see cref="Recovering"/>: it asks every host's <see cref="NickBook"/> what it holds
/// and stashes claims until each up host answered (or was removed) or <paramref name="recoveryTimeout"/> passed.
/// Without that, a claim arriving after a handover would be granted a nick a member on a surviving host holds.
/// A removed host's nicks are released. Bounded: the proxies in front of it buffer at most
/// <c>akka.cluster.singleton-proxy.buffer-size</c> claims; the stash holds at most what they deliver.
/// </remarks>
internal sealed class NickAuthority : ReceiveActor, IWithStash, IWithTimers
{
    private readonly Dictionary<string, string> _holders = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _awaiting = [];
    private readonly TimeSpan _recoveryTimeout;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public NickAuthority(TimeSpan recoveryTimeout)
    {
        _recoveryTimeout = recoveryTimeout;
        Recovering();
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props CreateProps(TimeSpan recoveryTimeout) => Props.Create(() => new NickAuthority(recoveryTimeout));

    protected override void PreStart()
    {
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));
        foreach (var member in cluster.State.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving))
        {
            _awaiting.Add(member.Address.ToString());
        }

        AskForReports();
        Timers.StartPeriodicTimer(AskAgain.Instance, AskAgain.Instance, TimeSpan.FromSeconds(1));
        Timers.StartSingleTimer(RecoveryTimedOut.Instance, RecoveryTimedOut.Instance, _recoveryTimeout);
        ServeIfRecovered();
    }

    /// <summary>A host that is up but has not started its book yet (or lost the question) is asked again each second.</summary>
    private void AskForReports()
    {
        foreach (var host in _awaiting)
        {
            var address = Address.Parse(host);
            Context.ActorSelection(new RootActorPath(address) / "user" / NickBook.Name).Tell(NickClaims.ReportNicks.Instance, Self);
        }
    }

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private void Recovering()
    {
        Receive<NickClaims.NicksHeld>(held =>
        {
            foreach (var nick in held.Nicks)
            {
                _holders.TryAdd(nick, held.Host);
            }

            _awaiting.Remove(held.Host);
            ServeIfRecovered();
        });
        Receive<RecoveryTimedOut>(_ =>
        {
            _log.Warning("Nick authority serving without reports from {Hosts}", string.Join(", ", _awaiting));
            _awaiting.Clear();
            ServeIfRecovered();
        });
        Receive<ClusterEvent.MemberRemoved>(removed =>
        {
            _awaiting.Remove(removed.Member.Address.ToString());
            Release(removed.Member.Address.ToString());
            ServeIfRecovered();
        });
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<AskAgain>(_ => AskForReports());
        Receive<NickClaims.Claim>(_ => Stash.Stash());
    }

    private void Serving()
    {
        Receive<NickClaims.Claim>(claim =>
        {
            if (_holders.TryGetValue(claim.Nick, out var holder) && holder != claim.Host)
            {
                Sender.Tell(new NickClaims.Taken(claim.Nick, holder));
                return;
            }

            // A retry by the holder's own host is granted again: a claim whose answer was lost may be resent.
            _holders[claim.Nick] = claim.Host;
            Sender.Tell(new NickClaims.Granted(claim.Nick));
        });
        Receive<ClusterEvent.MemberRemoved>(removed => Release(removed.Member.Address.ToString()));
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<NickClaims.NicksHeld>(_ => { });
        Receive<RecoveryTimedOut>(_ => { });
        Receive<AskAgain>(_ => { });
    }

    private void ServeIfRecovered()
    {
        if (_awaiting.Count == 0)
        {
            Timers.Cancel(RecoveryTimedOut.Instance);
            Timers.Cancel(AskAgain.Instance);
            Become(Serving);
            Stash.UnstashAll();
        }
    }

    private void Release(string host)
    {
        foreach (var nick in _holders.Where(h => h.Value == host).Select(h => h.Key).ToList())
        {
            _holders.Remove(nick);
        }
    }

    private sealed record AskAgain
    {
        public static AskAgain Instance { get; } = new();
    }

    private sealed record RecoveryTimedOut
    {
        public static RecoveryTimedOut Instance { get; } = new();
    }
}
