using System.Diagnostics;
using ActorSockets.Cluster.Tests.Internal;
using Akka.Actor;
using Akka.Cluster;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.Cluster.Tests;

/// <summary>
/// How the other hosts observe a host that crashes (they must say "host lost", and how soon is set by config)
/// and one that leaves gracefully ("server shutdown"), with the timings docs/cluster-chat.md proposes:
/// Akka's failure-detector defaults (heartbeat 1 s, acceptable-heartbeat-pause 3 s) and the split-brain
/// resolver's keep-majority with stable-after 7 s.
/// </summary>
public sealed class NodeRemovalTests : LoopbackClusterTestKit
{
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(7);
    private static readonly TimeSpan AcceptableHeartbeatPause = TimeSpan.FromSeconds(3);

    public NodeRemovalTests(ITestOutputHelper output)
        : base(LoopbackCluster.Proposed(), output)
    {
    }

    [Fact]
    public async Task Crash_OneOfThreeHosts_SurvivorsSeeItUnreachableThenRemovedFromDownAfterStableAfter()
    {
        var (nodeC, watchers) = await ThreeHostsTwoWatchingTheThirdAsync();
        var crashed = LoopbackCluster.AddressOf(nodeC);
        var clock = Stopwatch.StartNew();
        await nodeC.Terminate();

        // Both watched at once, so each event is timed when it arrives.
        var observed = await Task.WhenAll(watchers.Select(w => ObserveUntilRemovedAsync(w, crashed, clock, TimeSpan.FromSeconds(30))));
        foreach (var (watcher, seen) in watchers.Zip(observed))
        {
            var unreachable = Assert.Single(seen, s => s.Event is ClusterEvent.UnreachableMember);
            var removed = Assert.IsType<ClusterEvent.MemberRemoved>(seen[^1].Event);
            Assert.Equal(MemberStatus.Down, removed.PreviousStatus);
            Assert.DoesNotContain(seen, s => s.Event is ClusterEvent.MemberLeft or ClusterEvent.MemberExited);

            // The resolver waits stable-after from the last reachability change before it downs anyone.
            Assert.True(seen[^1].At - unreachable.At >= StableAfter, $"removed {seen[^1].At - unreachable.At} after unreachable, before stable-after");
            // The promise the README makes with these settings ("host lost" within 20 s); 13-16 s measured.
            Assert.True(seen[^1].At <= TimeSpan.FromSeconds(20), $"removed only after {seen[^1].At}");
            Output.WriteLine($"{watcher.Ref.Path.Name}: {string.Join(", ", seen.Select(s => $"{s.Event.GetType().Name} {s.At.TotalSeconds:F1} s"))}");
        }
    }

    [Fact]
    public async Task Leave_OneOfThreeHosts_SurvivorsSeeItExitAndRemovedWithoutUnreachableFasterThanACrash()
    {
        var (nodeC, watchers) = await ThreeHostsTwoWatchingTheThirdAsync();
        var leaving = LoopbackCluster.AddressOf(nodeC);
        var clock = Stopwatch.StartNew();
        await Akka.Cluster.Cluster.Get(nodeC).LeaveAsync();
        await nodeC.Terminate();

        var observed = await Task.WhenAll(watchers.Select(w => ObserveUntilRemovedAsync(w, leaving, clock, TimeSpan.FromSeconds(20))));
        foreach (var (watcher, seen) in watchers.Zip(observed))
        {
            Assert.Contains(seen, s => s.Event is ClusterEvent.MemberLeft);
            var removed = Assert.IsType<ClusterEvent.MemberRemoved>(seen[^1].Event);
            Assert.Equal(MemberStatus.Exiting, removed.PreviousStatus);
            Assert.DoesNotContain(seen, s => s.Event is ClusterEvent.UnreachableMember or ClusterEvent.MemberDowned);
            // Not the resolver's path: faster than a crash can ever be seen removed (stable-after + detection).
            Assert.True(seen[^1].At < StableAfter + AcceptableHeartbeatPause, $"a graceful leave took {seen[^1].At}");
            Output.WriteLine($"{watcher.Ref.Path.Name}: {string.Join(", ", seen.Select(s => $"{s.Event.GetType().Name} {s.At.TotalSeconds:F1} s"))}");
        }
    }

    [Fact]
    public async Task Downed_WithRunCoordinatedShutdownWhenDownOff_HostLeavesTheClusterButKeepsRunning()
    {
        // What the minority side of a partition goes through once the resolver downs it; here the others down it
        // by hand. Our config turns run-coordinated-shutdown-when-down off, so the host can keep serving its own
        // members (docs/cluster-chat.md, "this host in the minority").
        var nodeB = StartNode();
        var nodeC = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB, nodeC);
        var removedSelf = CreateTestProbe(nodeC, "removed-self");
        Akka.Cluster.Cluster.Get(nodeC).RegisterOnMemberRemoved(() => removedSelf.Ref.Tell("removed"));
        var local = nodeC.ActorOf(Props.Create(() => new Echo()), "local-service");

        Akka.Cluster.Cluster.Get(Sys).Down(LoopbackCluster.AddressOf(nodeC));

        await removedSelf.ExpectMsgAsync("removed", TimeSpan.FromSeconds(15));
        // The cluster daemon's PostStop is where Akka would start CoordinatedShutdown; wait until it has run.
        var identify = CreateTestProbe(nodeC, "identify");
        await AwaitAssertAsync(
            async () =>
            {
                nodeC.ActorSelection("/system/cluster").Tell(new Identify("cluster"), identify.Ref);
                var identity = await identify.ExpectMsgAsync<ActorIdentity>(TimeSpan.FromSeconds(1));
                Assert.Null(identity.Subject);
            },
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(100));

        Assert.True(Akka.Cluster.Cluster.Get(nodeC).IsTerminated);
        Assert.Null(CoordinatedShutdown.Get(nodeC).ShutdownReason);
        Assert.False(nodeC.WhenTerminated.IsCompleted);
        var asker = CreateTestProbe(nodeC, "asker");
        local.Tell("still serving", asker.Ref);
        await asker.ExpectMsgAsync("still serving");
    }

    /// <summary>Forms A (Sys), B and C; A and B watch member and reachability events from a snapshot on.</summary>
    private async Task<(ActorSystem Third, TestProbe[] Watchers)> ThreeHostsTwoWatchingTheThirdAsync()
    {
        var nodeB = StartNode();
        var nodeC = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB, nodeC);
        var watchers = new[] { Watch(Sys, "events-a"), Watch(nodeB, "events-b") };
        foreach (var watcher in watchers)
        {
            await watcher.ExpectMsgAsync<ClusterEvent.CurrentClusterState>();
        }

        return (nodeC, watchers);
    }

    private TestProbe Watch(ActorSystem node, string name)
    {
        var probe = CreateTestProbe(node, name);
        Akka.Cluster.Cluster.Get(node).Subscribe(
            probe.Ref,
            ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.IMemberEvent),
            typeof(ClusterEvent.IReachabilityEvent));
        return probe;
    }

    /// <summary>The events about <paramref name="node"/> a watcher saw, with when, up to and including its removal.</summary>
    private static async Task<List<(object Event, TimeSpan At)>> ObserveUntilRemovedAsync(TestProbe watcher, Address node, Stopwatch clock, TimeSpan max)
    {
        var seen = new List<(object Event, TimeSpan At)>();
        var deadline = clock.Elapsed + max;
        while (true)
        {
            var remaining = deadline - clock.Elapsed;
            Assert.True(remaining > TimeSpan.Zero, $"not removed within {max}; saw {string.Join(", ", seen.Select(s => s.Event))}");
            var message = await watcher.ReceiveOneAsync(remaining);
            Assert.NotNull(message);
            var about = message switch
            {
                ClusterEvent.IMemberEvent e => e.Member.Address,
                ClusterEvent.ReachabilityEvent r => r.Member.Address,
                _ => null,
            };
            if (about != node)
            {
                continue;
            }

            seen.Add((message, clock.Elapsed));
            if (message is ClusterEvent.MemberRemoved)
            {
                return seen;
            }
        }
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }
}
