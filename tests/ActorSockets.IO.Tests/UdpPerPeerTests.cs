using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

public class UdpPerPeerTests(ITestOutputHelper output) : IoTestKit(output)
{
    private async Task<(IActorRef Router, EndPoint Address)> BindPerPeerAsync(TestProbe started, TimeSpan idle, int maxPeers = 100)
    {
        var bind = new UdpBindPerPeer(
            remote => Props.Create(() => new EchoPeer(started.Ref, remote)),
            new IPEndPoint(IPAddress.Loopback, 0),
            idleTimeout: idle,
            maxPeers: maxPeers);
        UdpManager.Tell(bind, TestActor);
        Udp.Bound bound = await ExpectMsgAsync<Udp.Bound>();
        return (LastSender, bound.LocalAddress);
    }

    private static async Task<string> AskAsync(Socket peer, EndPoint address, string text)
    {
        await peer.SendToAsync(System.Text.Encoding.UTF8.GetBytes(text), address);
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        int read = await peer.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    [Fact]
    public async Task TwoRemoteEndpoints_EachGetsItsOwnActor_RepliesGoBackToTheRightPeer()
    {
        TestProbe started = CreateTestProbe();
        var (_, address) = await BindPerPeerAsync(started, TimeSpan.FromSeconds(30));
        using Socket first = NewUdpPeer();
        using Socket second = NewUdpPeer();

        string a1 = await AskAsync(first, address, "a1");
        string b1 = await AskAsync(second, address, "b1");
        string a2 = await AskAsync(first, address, "a2");

        Assert.Equal(first.LocalEndPoint, await started.ExpectMsgAsync<EndPoint>());
        Assert.Equal(second.LocalEndPoint, await started.ExpectMsgAsync<EndPoint>());
        await started.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        string firstActor = a1.Split(':')[0];
        Assert.Equal($"{firstActor}:a2", a2);
        Assert.NotEqual(firstActor, b1.Split(':')[0]);
    }

    [Fact]
    public async Task IdlePeer_IsStopped_NextDatagramGetsAFreshActor()
    {
        TestProbe started = CreateTestProbe();
        var (_, address) = await BindPerPeerAsync(started, TimeSpan.FromMilliseconds(300));
        using Socket peer = NewUdpPeer();

        string before = (await AskAsync(peer, address, "x")).Split(':')[0];
        await started.ExpectMsgAsync<EndPoint>();
        await started.ExpectMsgAsync<string>(s => s == "stopped", TimeSpan.FromSeconds(5));
        string after = (await AskAsync(peer, address, "y")).Split(':')[0];

        await started.ExpectMsgAsync<EndPoint>();
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task MaxPeers_DatagramsFromAnExtraPeerAreDroppedAndTheOthersServed()
    {
        TestProbe started = CreateTestProbe();
        var (_, address) = await BindPerPeerAsync(started, TimeSpan.FromSeconds(30), maxPeers: 1);
        using Socket first = NewUdpPeer();
        using Socket second = NewUdpPeer();
        await AskAsync(first, address, "hello");

        await EventFilter.Warning(contains: "max-peers").ExpectOneAsync(async () =>
            await second.SendToAsync("ignored"u8.ToArray(), address));

        Assert.EndsWith(":again", await AskAsync(first, address, "again"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unbind_RepliesUnboundStopsThePeersAndFreesThePort()
    {
        TestProbe started = CreateTestProbe();
        var (router, address) = await BindPerPeerAsync(started, TimeSpan.FromSeconds(30));
        using Socket peer = NewUdpPeer();
        await AskAsync(peer, address, "hi");
        await started.ExpectMsgAsync<EndPoint>();

        router.Tell(Udp.Unbind.Instance, TestActor);

        await ExpectMsgAsync<Udp.Unbound>();
        await started.ExpectMsgAsync<string>(s => s == "stopped");
        using var rebind = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await AwaitAssertAsync(() => rebind.Bind(address));
    }

    /// <summary>Announces itself, answers each datagram with its own name and the text, reports its stop.</summary>
    private sealed class EchoPeer : ReceiveActor
    {
        private readonly IActorRef _probe;

        public EchoPeer(IActorRef probe, EndPoint remote)
        {
            _probe = probe;
            probe.Tell(remote, Self);
            Receive<Udp.Received>(received => Sender.Tell(
                Udp.Send.Create(ByteString.FromString($"{Self.Path.Name}:{received.Data.ToString()}"), received.Sender), Self));
        }

        protected override void PostStop() => _probe.Tell("stopped", Self);
    }
}
