using ActorSockets.Cluster.Tests.Internal;
using ActorSockets.Protocols.Chat;
using ActorSockets.Protocols.Chat.Cluster;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.Cluster.Tests;

/// <summary>
/// The chat's relay between hosts (<see cref="ClusterChatRelay"/>) on a real two-node cluster in process: what a
/// registry tells it reaches the other host's registry in order and acknowledged, so traffic far beyond the window
/// flows; a host that stops acknowledging is cut off at the window and, once it catches up, told what it missed.
/// </summary>
public sealed class ClusterChatRelayTests : LoopbackClusterTestKit
{
    private const string Endpoint = "chat";

    public ClusterChatRelayTests(ITestOutputHelper output)
        : base(LoopbackCluster.Fast(), output)
    {
    }

    [Fact]
    public async Task Relay_ManyMoreEventsThanTheWindow_ReachTheOtherHostsRegistryInOrder()
    {
        var nodeB = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB);
        var registryA = CreateTestProbe(Sys, "registry-a");
        var registryB = CreateTestProbe(nodeB, "registry-b");
        var relayA = Sys.ActorOf(ClusterChatRelay.CreateProps(Endpoint, registryA.Ref, maxUnackedEvents: 400), "relay-a");
        nodeB.ActorOf(ClusterChatRelay.CreateProps(Endpoint, registryB.Ref, maxUnackedEvents: 400), "relay-b");
        var originA = (await registryA.ExpectMsgAsync<ClusterChatRelay.Ready>()).Origin;
        await registryB.ExpectMsgAsync<ClusterChatRelay.Ready>();

        // The hosts have swapped rosters once each has the other's (subscriptions spread by gossip).
        await registryB.FishForMessageAsync<ClusterChatRelay.RosterReplaced>(m => m is ClusterChatRelay.RosterReplaced, TimeSpan.FromSeconds(20));
        await registryA.FishForMessageAsync<ClusterChatRelay.RosterReplaced>(m => m is ClusterChatRelay.RosterReplaced, TimeSpan.FromSeconds(20));

        relayA.Tell(new MemberJoined(string.Empty, 7, "alice", "lobby"), registryA.Ref);

        // Rosters may come again (each host repeats its Hello until it has the other's): only events are counted.
        var joined = await registryB.FishForMessageAsync<MemberJoined>(m => m is MemberJoined, TimeSpan.FromSeconds(10));
        Assert.Equal((originA, 7L, "alice", "lobby"), (joined.Origin, joined.Id, joined.Nick, joined.Room));

        // 1,000 lines in batches of 50, each batch sent once the previous one has arrived (a speaker's pace):
        // two and a half times the window in all, so only the acknowledgements can keep it open.
        for (var batch = 0; batch < 20; batch++)
        {
            for (var i = batch * 50; i < (batch + 1) * 50; i++)
            {
                relayA.Tell(new RoomLine(string.Empty, "lobby", $"[alice] {i}"), registryA.Ref);
            }

            for (var i = batch * 50; i < (batch + 1) * 50; i++)
            {
                var line = await registryB.FishForMessageAsync<RoomLine>(m => m is RoomLine, TimeSpan.FromSeconds(10));
                Assert.Equal((originA, "lobby", $"[alice] {i}"), (line.Origin, line.Room, line.Line));
            }
        }

        // Nothing was cut off or missed.
        var after = registryB.ReceiveWhile<object>(TimeSpan.FromMilliseconds(500), m => m);
        Assert.All(after, m => Assert.IsType<ClusterChatRelay.RosterReplaced>(m));
    }

    [Fact]
    public async Task Relay_HostThatStopsAcknowledging_IsCutOffAtTheWindow_ThenToldWhatItMissed()
    {
        var nodeB = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB);
        var originB = ClusterChatRelay.OriginOf(Akka.Cluster.Cluster.Get(nodeB).SelfUniqueAddress);

        // Host B's relay is a probe that reads but never acknowledges: a host too busy to keep up.
        var hostB = CreateTestProbe(nodeB, "host-b");
        DistributedPubSub.Get(nodeB).Mediator.Tell(new Subscribe($"actorsockets.chat.{Endpoint}.{originB}", hostB.Ref), hostB.Ref);
        await hostB.ExpectMsgAsync<SubscribeAck>();
        var registryA = CreateTestProbe(Sys, "registry-a");
        const int window = 20;
        var relayA = Sys.ActorOf(ClusterChatRelay.CreateProps(Endpoint, registryA.Ref, window), "relay-a");

        // The relay says Hello until it has B's roster; the first one through means B's topic is visible.
        var first = await hostB.FishForMessageAsync<Relayed>(m => m is Relayed, TimeSpan.FromSeconds(20));
        for (var i = 0; i < 100; i++)
        {
            relayA.Tell(new RoomLine(string.Empty, "lobby", $"[alice] {i}"), registryA.Ref);
        }

        var received = new List<Relayed> { first };
        while (await TryReceiveAsync(hostB, TimeSpan.FromSeconds(1)) is { } more)
        {
            received.Add(more);
        }

        Assert.Equal(window, received.Max(r => r.Seq));
        var lines = received.Select(r => r.Message).OfType<RoomLine>().Select(l => l.Line).ToList();
        Assert.NotEmpty(lines);
        Assert.True(lines.Count < 100, $"{lines.Count} lines went out past a window of {window}");
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => $"[alice] {i}"), lines);

        // B catches up: it acknowledges everything, and hears how much it missed, then A's members again.
        relayA.Tell(new Ack(originB, window), hostB.Ref);
        var missed = await hostB.FishForMessageAsync<Relayed>(m => m is Relayed { Message: Missed }, TimeSpan.FromSeconds(5));
        Assert.Equal(window + 1, missed.Seq);
        Assert.True(((Missed)missed.Message).Count >= 100 - lines.Count);
        var roster = await hostB.FishForMessageAsync<Relayed>(m => m is Relayed { Message: RosterPart }, TimeSpan.FromSeconds(5));
        Assert.Equal(window + 2, roster.Seq);

        // And lines flow again.
        relayA.Tell(new RoomLine(string.Empty, "lobby", "[alice] again"), registryA.Ref);
        await hostB.FishForMessageAsync<Relayed>(m => m is Relayed { Message: RoomLine { Line: "[alice] again" } }, TimeSpan.FromSeconds(5));
    }

    private static async Task<Relayed?> TryReceiveAsync(TestProbe probe, TimeSpan wait)
    {
        try
        {
            return await probe.ExpectMsgAsync<Relayed>(wait);
        }
        catch (Exception ex) when (ex is Xunit.Sdk.XunitException or TimeoutException)
        {
            return null;
        }
    }
}
