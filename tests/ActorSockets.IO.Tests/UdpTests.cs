using System.Net;
using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.IO.Tests;

public abstract class UdpTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager, "actorsockets.io.udp.max-datagram-size = 1 KiB")
{
    protected async Task<(IActorRef Socket, IPEndPoint Address)> BindUdpAsync(TestProbe handler)
    {
        UdpManager.Tell(new Udp.Bind(handler.Ref, new IPEndPoint(IPAddress.Loopback, 0)), handler.Ref);
        Udp.Bound bound = await handler.ExpectMsgAsync<Udp.Bound>();
        return (handler.LastSender, Assert.IsType<IPEndPoint>(bound.LocalAddress));
    }

    protected static async Task<string> ReceiveStringAsync(Socket peer)
    {
        var buffer = new byte[2048];
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        int read = await peer.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    [SocketsOnlyFact("Akka.IO's UDP listener still holds its socket after the actor system terminated (the socket count check finds one more)")]
    public async Task Bind_PeerSends_HandlerReceivesDatagramWithSender()
    {
        TestProbe handler = CreateTestProbe();
        var (_, address) = await BindUdpAsync(handler);
        using Socket peer = NewUdpPeer();

        await peer.SendToAsync("hello"u8.ToArray(), address);

        Udp.Received received = await handler.ExpectMsgAsync<Udp.Received>();
        Assert.Equal("hello", received.Data.ToString());
        Assert.Equal(peer.LocalEndPoint, received.Sender);
    }

    [SocketsOnlyFact("Akka.IO's UDP listener still holds its socket after the actor system terminated (the socket count check finds one more)")]
    public async Task Send_FromBoundSocket_ArrivesFromTheBoundPortAndIsAcknowledged()
    {
        TestProbe handler = CreateTestProbe();
        var (socket, address) = await BindUdpAsync(handler);
        using Socket peer = NewUdpPeer();

        socket.Tell(new Udp.Send(ByteString.FromString("hi"), peer.LocalEndPoint!, new Ack()), handler.Ref);

        await handler.ExpectMsgAsync<Ack>();
        var buffer = new byte[16];
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        SocketReceiveFromResult result = await peer.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        Assert.Equal("hi", System.Text.Encoding.UTF8.GetString(buffer, 0, result.ReceivedBytes));
        Assert.Equal(address, result.RemoteEndPoint);
    }

    [SocketsOnlyFact("Akka.IO's UDP listener still holds its socket after the actor system terminated (the socket count check finds one more)")]
    public async Task OversizedDatagram_IsDroppedAndTheSocketKeepsWorking()
    {
        TestProbe handler = CreateTestProbe();
        var (_, address) = await BindUdpAsync(handler);
        using Socket peer = NewUdpPeer();

        await EventFilter.Warning(contains: "larger than max-datagram-size").ExpectOneAsync(async () =>
            await peer.SendToAsync(new byte[1025], address));
        await peer.SendToAsync("small"u8.ToArray(), address);

        Assert.Equal("small", (await handler.ExpectMsgAsync<Udp.Received>()).Data.ToString());
    }

    [SocketsOnlyFact("Akka.IO's UDP listener still holds its socket after the actor system terminated (the socket count check finds one more)")]
    public async Task Send_Oversized_CommandFailed()
    {
        TestProbe handler = CreateTestProbe();
        var (socket, _) = await BindUdpAsync(handler);
        var send = Udp.Send.Create(ByteString.FromBytes(new byte[1025]), new IPEndPoint(IPAddress.Loopback, 9));

        socket.Tell(send, handler.Ref);

        Assert.Same(send, (await handler.ExpectMsgAsync<Udp.CommandFailed>()).Cmd);
    }

    [SocketsOnlyFact("Akka.IO's UDP listener still holds its socket after the actor system terminated (the socket count check finds one more)")]
    public async Task Send_ToClosedPort_IcmpErrorIsCountedAsADropAndTheListenerKeepsReceiving()
    {
        // The port-unreachable that answers a send to a closed port reaches the next receive as an error on
        // Windows (WSAECONNRESET). Linux reports it on an unconnected socket only with IP_RECVERR, so the test
        // turns that on through a bind option; without it the error never surfaces and this test would pass
        // whatever the listener did with it. (macOS has no such option: there the error path is not reached.)
        TestProbe handler = CreateTestProbe();
        UdpManager.Tell(new Udp.Bind(handler.Ref, new IPEndPoint(IPAddress.Loopback, 0), [new ReportIcmpErrors()]), handler.Ref);
        var address = Assert.IsType<IPEndPoint>((await handler.ExpectMsgAsync<Udp.Bound>()).LocalAddress);
        IActorRef socket = handler.LastSender;
        int closedPort;
        using (Socket gone = NewUdpPeer())
        {
            closedPort = ((IPEndPoint)gone.LocalEndPoint!).Port;
        }

        var send = Udp.Send.Create(ByteString.FromString("void"), new IPEndPoint(IPAddress.Loopback, closedPort));
        if (OperatingSystem.IsWindows() || OperatingSystem.IsLinux())
        {
            string expectedError = OperatingSystem.IsWindows() ? "ConnectionReset" : "ConnectionRefused";
            await EventFilter.Warning(contains: expectedError).ExpectOneAsync(() =>
            {
                socket.Tell(send, handler.Ref);
                return Task.CompletedTask;
            });
        }
        else
        {
            socket.Tell(send, handler.Ref);
        }

        using Socket peer = NewUdpPeer();
        await peer.SendToAsync("still alive"u8.ToArray(), address);

        Assert.Equal("still alive", (await handler.ExpectMsgAsync<Udp.Received>()).Data.ToString());
    }

    [SocketsOnlyFact("Akka.IO's UDP listener still holds its socket after the actor system terminated (the socket count check finds one more)")]
    public async Task Unbind_RepliesUnboundAndFreesThePort()
    {
        TestProbe handler = CreateTestProbe();
        var (socket, address) = await BindUdpAsync(handler);

        socket.Tell(Udp.Unbind.Instance, handler.Ref);
        await handler.ExpectMsgAsync<Udp.Unbound>();

        using var rebind = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        rebind.Bind(address);
    }

    [SocketsOnlyFact("Akka.IO's UDP listener still holds its socket after the actor system terminated (the socket count check finds one more)")]
    public async Task SimpleSender_SendsToPeer()
    {
        TestProbe commander = CreateTestProbe();
        using Socket peer = NewUdpPeer();

        UdpManager.Tell(new Udp.SimpleSender(), commander.Ref);
        await commander.ExpectMsgAsync<Udp.SimpleSenderReady>();
        commander.LastSender.Tell(Udp.Send.Create(ByteString.FromString("simple"), peer.LocalEndPoint!), commander.Ref);

        Assert.Equal("simple", await ReceiveStringAsync(peer));
    }

    [SocketsOnlyFact("Akka.IO's UDP listener still holds its socket after the actor system terminated (the socket count check finds one more)")]
    public async Task SuspendReading_ThenResume_DatagramIsDeliveredAfterResume()
    {
        TestProbe handler = CreateTestProbe();
        var (socket, address) = await BindUdpAsync(handler);
        using Socket peer = NewUdpPeer();

        socket.Tell(Udp.SuspendReading.Instance, handler.Ref);
        await peer.SendToAsync("later"u8.ToArray(), address);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        socket.Tell(Udp.ResumeReading.Instance, handler.Ref);

        Assert.Equal("later", (await handler.ExpectMsgAsync<Udp.Received>()).Data.ToString());
    }

    [SocketsOnlyFact("Akka.IO's UDP listener still holds its socket after the actor system terminated (the socket count check finds one more)")]
    public async Task HandlerStops_SocketIsClosedAndThePortFreed()
    {
        TestProbe handler = CreateTestProbe();
        var (socket, address) = await BindUdpAsync(handler);
        Watch(socket);

        Sys.Stop(handler.Ref);

        await ExpectTerminatedAsync(socket);
        using var rebind = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        rebind.Bind(address);
    }

    private sealed class Ack : Udp.Event;

    /// <summary><c>IP_RECVERR</c> on Linux: ICMP errors for earlier sends surface on the next receive, as on Windows.</summary>
    private sealed class ReportIcmpErrors : Inet.SocketOption
    {
        private const int IpProtocolIp = 0;
        private const int IpRecvErr = 11;

        public override void BeforeDatagramBind(Socket socket)
        {
            if (OperatingSystem.IsLinux())
            {
                socket.SetRawSocketOption(IpProtocolIp, IpRecvErr, BitConverter.GetBytes(1));
            }
        }
    }
}

/// <summary>Runs <see cref="UdpTests"/> against Akka's own manager.</summary>
public sealed class UdpTestsOnAkka(ITestOutputHelper output) : UdpTests(output, IoManager.Akka);

/// <summary>Runs <see cref="UdpTests"/> against ActorSockets' manager.</summary>
public sealed class UdpTestsOnSockets(ITestOutputHelper output) : UdpTests(output, IoManager.Sockets);
