using ActorSockets.Cluster.Tests.Internal;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.Cluster.Tests;

/// <summary>
/// What the chat's room traffic across hosts relies on: DistributedPubSub hands one publisher's messages to a
/// subscriber on another node in the order they were published (publisher -> local mediator -> the remote
/// node's topic actor -> subscriber, one association each way), interleaved freely with another publisher's.
/// </summary>
public sealed class DistributedPubSubOrderingTests : LoopbackClusterTestKit
{
    private const string Topic = "actorsockets.chat";
    private const int LinesPerSpeaker = 2000;

    public DistributedPubSubOrderingTests(ITestOutputHelper output)
        : base(LoopbackCluster.Fast(), output)
    {
    }

    [Fact]
    public async Task Publish_TwoSpeakersOnTwoNodes_EachSpeakersLinesArriveInOrderOnAThirdNode()
    {
        var nodeB = StartNode();
        var nodeC = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB, nodeC);

        var listener = CreateTestProbe(nodeB, "listener");
        DistributedPubSub.Get(nodeB).Mediator.Tell(new Subscribe(Topic, listener.Ref), listener.Ref);
        await listener.ExpectMsgAsync<SubscribeAck>();

        // A subscription reaches other nodes' mediators by gossip (once a second, one random peer per tick),
        // so a publisher cannot know when it is visible; publish a marker until the listener has one from each.
        var speakerA = CreateTestProbe(Sys, "speaker-a");
        var speakerC = CreateTestProbe(nodeC, "speaker-c");
        await AwaitSubscriptionSeenAsync(listener, (Sys, speakerA), (nodeC, speakerC));

        var publishA = Task.Run(() => Speak(Sys, speakerA, "a"));
        var publishC = Task.Run(() => Speak(nodeC, speakerC, "c"));
        await Task.WhenAll(publishA, publishC);

        var next = new Dictionary<string, int> { ["a"] = 0, ["c"] = 0 };
        var received = 0;
        while (received < 2 * LinesPerSpeaker)
        {
            var message = await listener.ExpectMsgAsync<object>(TimeSpan.FromSeconds(10));
            if (message is not Line line)
            {
                continue; // a marker published before the lines
            }

            Assert.Equal(next[line.Speaker], line.Number);
            next[line.Speaker]++;
            received++;
        }

        Assert.Equal(LinesPerSpeaker, next["a"]);
        Assert.Equal(LinesPerSpeaker, next["c"]);
        Output.WriteLine($"{received} lines from two speakers on two nodes arrived in per-speaker order");
    }

    [Fact]
    public async Task Publish_RecordWithActorRef_RoundTripsThroughTheDefaultSerializer()
    {
        var nodeB = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB);
        var listener = CreateTestProbe(nodeB, "listener");
        DistributedPubSub.Get(nodeB).Mediator.Tell(new Subscribe(Topic, listener.Ref), listener.Ref);
        await listener.ExpectMsgAsync<SubscribeAck>();
        var speaker = CreateTestProbe(Sys, "speaker");
        await AwaitSubscriptionSeenAsync(listener, (Sys, speaker));

        var joined = new MemberJoined(speaker.Ref, "alice", "lobby", 7);
        DistributedPubSub.Get(Sys).Mediator.Tell(new Publish(Topic, joined), speaker.Ref);

        var arrived = await listener.FishForMessageAsync<MemberJoined>(m => m is MemberJoined, TimeSpan.FromSeconds(10));
        Assert.Equal((joined.Nick, joined.Room, joined.Sequence), (arrived.Nick, arrived.Room, arrived.Sequence));

        // The ref arrives as a remote ref to the speaker: same path and uid, the sending node's address.
        Assert.Equal(speaker.Ref.Path.ToStringWithoutAddress(), arrived.Member.Path.ToStringWithoutAddress());
        Assert.Equal(speaker.Ref.Path.Uid, arrived.Member.Path.Uid);
        Assert.Equal(LoopbackCluster.AddressOf(Sys), arrived.Member.Path.Address);

        // The remote ref works: a reply through it reaches the speaker's node.
        arrived.Member.Tell("hello back", listener.Ref);
        await speaker.ExpectMsgAsync("hello back");
    }

    private static void Speak(ActorSystem node, TestProbe speaker, string name)
    {
        var mediator = DistributedPubSub.Get(node).Mediator;
        for (var i = 0; i < LinesPerSpeaker; i++)
        {
            mediator.Tell(new Publish(Topic, new Line(name, i)), speaker.Ref);
        }
    }

    private async Task AwaitSubscriptionSeenAsync(TestProbe listener, params (ActorSystem Node, TestProbe Speaker)[] speakers)
    {
        foreach (var (node, speaker) in speakers)
        {
            var marker = new Marker(LoopbackCluster.AddressOf(node).ToString());
            await AwaitAssertAsync(
                async () =>
                {
                    DistributedPubSub.Get(node).Mediator.Tell(new Publish(Topic, marker), speaker.Ref);
                    await listener.FishForMessageAsync(m => m is Marker seen && seen == marker, TimeSpan.FromMilliseconds(300));
                },
                TimeSpan.FromSeconds(15),
                TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Line <paramref name="Number"/> of <paramref name="Speaker"/>.</summary>
    public sealed record Line(string Speaker, int Number);

    /// <summary>Published until the listener has seen one, to learn that the subscription has been gossiped.</summary>
    public sealed record Marker(string From);

    /// <summary>Shaped like a roster event of the design: a remote member ref and strings.</summary>
    public sealed record MemberJoined(IActorRef Member, string Nick, string Room, long Sequence);
}
