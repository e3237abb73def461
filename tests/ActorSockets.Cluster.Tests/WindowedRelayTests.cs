using ActorSockets.Cluster.Tests.Internal;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.Cluster.Tests;

/// <summary>
/// Remote delivery bounded like local delivery: Akka bounds none of the remote path, so a host's relay keeps a
/// window of unacknowledged events per destination host and cuts off a host that falls behind (skips and counts)
/// instead of buffering for it or slowing the speakers (docs/cluster-chat.md, "Bounds").
/// </summary>
public sealed class WindowedRelayTests : LoopbackClusterTestKit
{
    private const int Window = 100;
    private const int AckEvery = 10;

    public WindowedRelayTests(ITestOutputHelper output)
        : base(LoopbackCluster.Fast(), output)
    {
    }

    [Fact]
    public async Task Send_ToAHostThatStoppedProcessing_HoldsAtMostTheWindowThenSkipsAndTellsItOnResume()
    {
        var nodeB = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB);
        var hostA = LoopbackCluster.AddressOf(Sys).ToString();
        var hostB = LoopbackCluster.AddressOf(nodeB).ToString();
        var sinkA = CreateTestProbe(Sys, "sink-a");
        var sinkB = CreateTestProbe(nodeB, "sink-b");
        var relayA = Sys.ActorOf(WindowedRelay.CreateProps(hostA, Window, AckEvery, sinkA.Ref), "relay");
        var relayB = nodeB.ActorOf(WindowedRelay.CreateProps(hostB, Window, AckEvery, sinkB.Ref), "relay");

        // B's topic has to reach A's mediator by gossip before anything published to it arrives.
        var pinger = CreateTestProbe(Sys, "pinger");
        await AwaitAssertAsync(
            async () =>
            {
                DistributedPubSub.Get(Sys).Mediator.Tell(new Publish(WindowedRelay.TopicOf(hostB), new WindowedRelay.Ping("seen")), pinger.Ref);
                await pinger.ExpectMsgAsync<WindowedRelay.Ping>(TimeSpan.FromMilliseconds(300));
            },
            TimeSpan.FromSeconds(15),
            TimeSpan.FromMilliseconds(50));

        relayB.Tell(WindowedRelay.Pause.Instance);
        for (var i = 1; i <= 5 * Window; i++)
        {
            relayA.Tell(new WindowedRelay.Send(hostB, $"line {i}"));
        }

        var status = CreateTestProbe(Sys, "status");
        relayA.Tell(new WindowedRelay.GetStatus(hostB), status.Ref);
        await status.ExpectMsgAsync(new WindowedRelay.Status(Unacked: Window, Skipped: 4 * Window, Stashed: 0));

        // The stalled host holds exactly the window: nothing beyond it was ever sent.
        var statusB = CreateTestProbe(nodeB, "status-b");
        await AwaitAssertAsync(
            async () =>
            {
                relayB.Tell(new WindowedRelay.GetStatus(hostA), statusB.Ref);
                Assert.Equal(Window, (await statusB.ExpectMsgAsync<WindowedRelay.Status>()).Stashed);
            },
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(50));

        relayB.Tell(WindowedRelay.Resume.Instance);
        for (var seq = 1; seq <= Window; seq++)
        {
            var e = await sinkB.ExpectMsgAsync<WindowedRelay.Event>();
            Assert.Equal((hostA, (long)seq, $"line {seq}"), (e.Origin, e.Seq, e.Payload));
        }

        await AwaitAssertAsync(
            async () =>
            {
                relayA.Tell(new WindowedRelay.GetStatus(hostB), status.Ref);
                Assert.Equal(0, (await status.ExpectMsgAsync<WindowedRelay.Status>()).Unacked);
            },
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(50));

        // Sending resumes; the host first learns how much it missed, then numbering goes on without a gap.
        for (var i = 1; i <= 10; i++)
        {
            relayA.Tell(new WindowedRelay.Send(hostB, $"after {i}"));
        }

        Assert.Equal(new WindowedRelay.Skipped(hostA, 4 * Window), await sinkB.ExpectMsgAsync<WindowedRelay.Skipped>());
        for (var i = 1; i <= 10; i++)
        {
            var e = await sinkB.ExpectMsgAsync<WindowedRelay.Event>();
            Assert.Equal((long)(Window + i), e.Seq);
        }

        await sinkB.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Output.WriteLine($"window {Window}: a stalled host held {Window} events, {4 * Window} were skipped and reported on resume");
    }
}
