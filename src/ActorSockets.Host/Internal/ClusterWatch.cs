using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Logs the cluster as the chat sees it: other hosts coming up, leaving (graceful) or lost (removed after a
/// crash), unreachable and back, and this host's own state: up, not in a cluster yet (its seeds do not answer),
/// or removed. In every case where this host is alone it says it keeps serving its local members.
/// </summary>
internal sealed class ClusterWatch : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan NotUpWarning = TimeSpan.FromSeconds(10);
    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _seeds;
    private bool _up;

    public ClusterWatch(string seeds)
    {
        _seeds = seeds;
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<ClusterEvent.MemberUp>(up => OnUp(up.Member));
        Receive<ClusterEvent.MemberLeft>(left =>
        {
            if (!left.Member.UniqueAddress.Equals(_cluster.SelfUniqueAddress))
            {
                _log.Info("cluster: host {0} is leaving the cluster", left.Member.Address);
            }
        });
        Receive<ClusterEvent.MemberRemoved>(OnRemoved);
        Receive<ClusterEvent.UnreachableMember>(u => _log.Warning(
            "cluster: host {0} is unreachable; its members stay until the split-brain resolver removes it", u.Member.Address));
        Receive<ClusterEvent.ReachableMember>(r => _log.Info("cluster: host {0} is reachable again", r.Member.Address));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<NotUpYet>(_ =>
        {
            if (!_up && !_cluster.IsTerminated)
            {
                _log.Warning(
                    "cluster: not in a cluster yet after {0} s (seeds: {1}); serving local members only and still trying to join",
                    NotUpWarning.TotalSeconds, _seeds);
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props CreateProps(string seeds) => Props.Create(() => new ClusterWatch(seeds));

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        Timers.StartSingleTimer(NotUpYet.Instance, NotUpYet.Instance, NotUpWarning);
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void OnUp(Member member)
    {
        if (member.UniqueAddress.Equals(_cluster.SelfUniqueAddress))
        {
            _up = true;
            _log.Info("cluster: this host is up as {0}", member.Address);
        }
        else
        {
            _log.Info("cluster: host {0} is up", member.Address);
        }
    }

    private void OnRemoved(ClusterEvent.MemberRemoved removed)
    {
        if (removed.Member.UniqueAddress.Equals(_cluster.SelfUniqueAddress))
        {
            if (CoordinatedShutdown.Get(Context.System).ShutdownReason is not null)
            {
                _log.Info("cluster: this host left the cluster (shutting down)");
                return;
            }

            _log.Warning("cluster: this host was removed from the cluster; serving local members only; restart it to rejoin");
            return;
        }

        if (removed.PreviousStatus == MemberStatus.Down)
        {
            _log.Warning("cluster: host {0} was lost (removed after it stopped answering); its members left", removed.Member.Address);
        }
        else
        {
            _log.Info("cluster: host {0} left the cluster", removed.Member.Address);
        }
    }

    private sealed class NotUpYet
    {
        public static readonly NotUpYet Instance = new();
    }
}
