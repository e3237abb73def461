using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>
/// The drops after the first are not lost from the log: one summary per <c>drop-log-interval</c> counts them. The
/// interval (1 s) is far longer than the few milliseconds a test's burst takes, so each burst lands in one interval.
/// </summary>
public class UdpDropSummaryTests(ITestOutputHelper output)
    : IoTestKit(output, udp: new UdpSettings { MaxDatagramSize = 1024, DropLogInterval = TimeSpan.FromSeconds(1) })
{
    private static readonly TimeSpan SummaryWait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task OversizedBurst_AfterTheInterval_OneSummaryCountsTheDropsAfterTheFirst()
    {
        TestProbe handler = CreateTestProbe();
        UdpManager.Tell(new Udp.Bind(handler.Ref, new IPEndPoint(IPAddress.Loopback, 0)), handler.Ref);
        EndPoint address = (await handler.ExpectMsgAsync<Udp.Bound>()).LocalAddress;
        using Socket peer = NewUdpPeer();

        await EventFilter.Warning(contains: "dropped 29 more datagrams in the last 00:00:01").ExpectOneAsync(SummaryWait, async () =>
        {
            await EventFilter.Warning(contains: "dropped a datagram from").ExpectOneAsync(async () =>
            {
                for (int i = 0; i < 30; i++)
                {
                    await peer.SendToAsync(new byte[1025], address);
                }

                await peer.SendToAsync("good"u8.ToArray(), address);
                await handler.ExpectMsgAsync<Udp.Received>();
            });
        });
    }

    [Fact]
    public async Task MaxPeersBurst_AfterTheInterval_OneSummaryCountsTheRefusalsAfterTheFirst()
    {
        var bind = new UdpBindPerPeer(_ => Props.Create(() => new SilentPeer()), new IPEndPoint(IPAddress.Loopback, 0), maxPeers: 1);
        UdpManager.Tell(bind, TestActor);
        EndPoint address = (await ExpectMsgAsync<Udp.Bound>()).LocalAddress;
        using Socket first = NewUdpPeer();
        using Socket refused = NewUdpPeer();
        await first.SendToAsync("takes the only slot"u8.ToArray(), address);

        await EventFilter.Warning(contains: "dropped 9 more datagrams in the last 00:00:01").ExpectOneAsync(SummaryWait, async () =>
        {
            await EventFilter.Warning(contains: "max-peers (1) reached").ExpectOneAsync(async () =>
            {
                for (int i = 0; i < 10; i++)
                {
                    await refused.SendToAsync("let me in"u8.ToArray(), address);
                }
            });
        });
    }

    [Fact]
    public async Task OversizedDrops_AQuietIntervalBetween_EachBurstIsLoggedAtOnceAgain()
    {
        TestProbe handler = CreateTestProbe();
        UdpManager.Tell(new Udp.Bind(handler.Ref, new IPEndPoint(IPAddress.Loopback, 0)), handler.Ref);
        EndPoint address = (await handler.ExpectMsgAsync<Udp.Bound>()).LocalAddress;
        using Socket peer = NewUdpPeer();
        await EventFilter.Warning(contains: "dropped a datagram from").ExpectOneAsync(async () =>
            await peer.SendToAsync(new byte[1025], address));

        // No drop for two intervals: the window closes, and the next drop is news again, logged at once.
        await handler.ExpectNoMsgAsync(TimeSpan.FromSeconds(2.5));

        await EventFilter.Warning(contains: "dropped a datagram from").ExpectOneAsync(async () =>
            await peer.SendToAsync(new byte[1025], address));
    }

    /// <summary>Takes datagrams and answers none.</summary>
    private sealed class SilentPeer : ReceiveActor
    {
        public SilentPeer() => Receive<Udp.Received>(_ => { });
    }
}
