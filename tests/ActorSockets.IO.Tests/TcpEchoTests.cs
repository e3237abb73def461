using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

public abstract class TcpEchoTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager)
{
    protected async Task<EndPoint> StartEchoServerAsync(EndPoint endpoint)
    {
        IActorRef server = Sys.ActorOf(Props.Create<EchoServer>());
        TcpManager.Tell(new Tcp.Bind(server, endpoint), TestActor);
        return (await ExpectMsgAsync<Tcp.Bound>()).LocalAddress;
    }

    protected static async Task EchoRoundTripsAsync(EndPoint address, int seed, int rounds)
    {
        using RawClient client = await RawClient.ConnectAsync(address);
        var random = new Random(seed);
        for (int i = 0; i < rounds; i++)
        {
            byte[] message = new byte[random.Next(1, 4096)];
            random.NextBytes(message);
            await client.SendAsync(message);
            byte[] echoed = await client.ReadExactlyAsync(message.Length, TimeSpan.FromSeconds(30));
            Assert.Equal(message, echoed);
        }
    }

    [Fact]
    public async Task Echo_ThousandConcurrentConnections_EveryByteComesBack()
    {
        EndPoint address = await StartEchoServerAsync(AnyLoopbackPort);

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => EchoRoundTripsAsync(address, seed: i, rounds: 3))));
    }

    [Fact]
    public async Task Echo_IPv6Loopback_Works()
    {
        EndPoint address = await StartEchoServerAsync(new IPEndPoint(IPAddress.IPv6Loopback, 0));

        Assert.Equal(AddressFamily.InterNetworkV6, address.AddressFamily);
        await EchoRoundTripsAsync(address, seed: 1, rounds: 5);
    }

    [Fact]
    public async Task Echo_DualStackListener_ServesIPv4AndIPv6Clients()
    {
        // One IPv6 socket for both families: the IPv4 client arrives as an IPv4-mapped address. It has to be bound to
        // the IPv6 any-address (::): no loopback-only address serves both families (a dual-mode socket bound to
        // ::ffff:127.0.0.1 refuses ::1 clients, one bound to ::1 refuses 127.0.0.1 clients). Port 0, and only
        // loopback clients (127.0.0.1 and ::1) ever connect to it.
        IActorRef server = Sys.ActorOf(Props.Create<EchoServer>());
        TcpManager.Tell(new Tcp.Bind(server, new IPEndPoint(IPAddress.IPv6Any, 0), options: [new SocketsSO.DualStack(true)]), TestActor);
        var bound = Assert.IsType<IPEndPoint>((await ExpectMsgAsync<Tcp.Bound>()).LocalAddress);
        Assert.Equal(AddressFamily.InterNetworkV6, bound.AddressFamily);

        await EchoRoundTripsAsync(new IPEndPoint(IPAddress.Loopback, bound.Port), seed: 3, rounds: 3);
        await EchoRoundTripsAsync(new IPEndPoint(IPAddress.IPv6Loopback, bound.Port), seed: 4, rounds: 3);
    }

    [Fact]
    public async Task Echo_IPv6OnlyListener_RefusesIPv4Clients()
    {
        // Bound to :: for the same reason as above: only there does IPV6_V6ONLY decide whether IPv4 clients get in
        // (a socket bound to ::1 refuses them either way). Only loopback clients connect.
        IActorRef server = Sys.ActorOf(Props.Create<EchoServer>());
        TcpManager.Tell(new Tcp.Bind(server, new IPEndPoint(IPAddress.IPv6Any, 0), options: [new SocketsSO.DualStack(false)]), TestActor);
        var bound = Assert.IsType<IPEndPoint>((await ExpectMsgAsync<Tcp.Bound>()).LocalAddress);

        await EchoRoundTripsAsync(new IPEndPoint(IPAddress.IPv6Loopback, bound.Port), seed: 5, rounds: 1);
        SocketException refused = await Assert.ThrowsAsync<SocketException>(
            () => RawClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, bound.Port)));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [SocketsOnlyFact("Akka.IO cannot bind or connect Unix domain sockets")]
    public async Task Echo_UnixDomainSocket_WorksAndUnbindRemovesTheSocketFile()
    {
        string directory = Directory.CreateTempSubdirectory("actorsockets-io-").FullName;
        try
        {
            string path = Path.Combine(directory, "echo.sock");
            IActorRef server = Sys.ActorOf(Props.Create<EchoServer>());
            TcpManager.Tell(new Tcp.Bind(server, new UnixDomainSocketEndPoint(path)), TestActor);
            await ExpectMsgAsync<Tcp.Bound>();
            IActorRef listener = LastSender;

            await EchoRoundTripsAsync(new UnixDomainSocketEndPoint(path), seed: 2, rounds: 5);
            listener.Tell(Tcp.Unbind.Instance, TestActor);
            await ExpectMsgAsync<Tcp.Unbound>();

            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [SocketsOnlyFact("Akka.IO cannot bind or connect Unix domain sockets")]
    public async Task Connect_UnixDomainSocket_ConnectsToARawListener()
    {
        string directory = Directory.CreateTempSubdirectory("actorsockets-io-").FullName;
        try
        {
            var endpoint = new UnixDomainSocketEndPoint(Path.Combine(directory, "raw.sock"));
            using var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            server.Bind(endpoint);
            server.Listen();
            TestProbe handler = CreateTestProbe();

            TcpManager.Tell(new Tcp.Connect(endpoint), handler.Ref);
            using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
            using RawClient peer = RawClient.FromAccepted(await server.AcceptAsync(timeout.Token));
            await handler.ExpectMsgAsync<Tcp.Connected>();
            handler.LastSender.Tell(new Tcp.Register(handler.Ref), handler.Ref);
            await peer.SendAsync("over unix");

            Assert.Equal("over unix", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>Runs <see cref="TcpEchoTests"/> against Akka's own manager.</summary>
public sealed class TcpEchoTestsOnAkka(ITestOutputHelper output) : TcpEchoTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpEchoTests"/> against ActorSockets' manager.</summary>
public sealed class TcpEchoTestsOnSockets(ITestOutputHelper output) : TcpEchoTests(output, IoManager.Sockets);
