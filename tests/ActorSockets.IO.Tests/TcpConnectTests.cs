using System.Net;
using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

public abstract class TcpConnectTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager)
{
    [SocketsOnlyFact("Akka.IO connects through a dual-mode IPv6 socket and reports IPv4-mapped addresses")]
    public async Task Connect_ToListeningSocket_ConnectedThenBothDirectionsWork()
    {
        using Socket server = Loopback.Listen();
        TestProbe handler = CreateTestProbe();

        TcpManager.Tell(new Tcp.Connect(server.LocalEndPoint!), handler.Ref);
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        using RawClient peer = RawClient.FromAccepted(await server.AcceptAsync(timeout.Token));
        Tcp.Connected connected = await handler.ExpectMsgAsync<Tcp.Connected>();
        var connection = handler.LastSender;
        connection.Tell(new Tcp.Register(handler.Ref), handler.Ref);

        Assert.Equal(server.LocalEndPoint, connected.RemoteAddress);
        Assert.Equal(peer.Socket.RemoteEndPoint, connected.LocalAddress);
        connection.Tell(Tcp.Write.Create(ByteString.FromString("request")), handler.Ref);
        Assert.Equal("request", await peer.ReadStringAsync(7));
        await peer.SendAsync("response");
        Assert.Equal("response", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
    }

    [SocketsOnlyFact("Akka.IO connects through a dual-mode IPv6 socket and reports IPv4-mapped addresses")]
    public async Task Connect_WithLocalAddress_TheConnectionIsBoundToIt()
    {
        using Socket server = Loopback.Listen();

        TcpManager.Tell(new Tcp.Connect(server.LocalEndPoint!, localAddress: new IPEndPoint(IPAddress.Loopback, 0)), TestActor);
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        using Socket accepted = await server.AcceptAsync(timeout.Token);

        IPEndPoint local = Assert.IsType<IPEndPoint>((await ExpectMsgAsync<Tcp.Connected>()).LocalAddress);
        Assert.Equal(IPAddress.Loopback, local.Address);
        Assert.NotEqual(0, local.Port);
        Assert.Equal(accepted.RemoteEndPoint, local);
    }

    [SocketsOnlyFact("Akka.IO does not report a local address in use as CommandFailed (observed: no reply within 3 s)")]
    public async Task Connect_WithALocalAddressInUse_CommandFailedWithAddressInUse()
    {
        // A connection to 127.0.0.1 gets a 127.0.0.1 address whether or not it was bound first, so the test above
        // cannot tell; binding to a port that a listener holds shows the local address is really bound.
        using Socket server = Loopback.Listen();
        using Socket occupant = Loopback.Listen();
        var connect = new Tcp.Connect(server.LocalEndPoint!, localAddress: occupant.LocalEndPoint);

        TcpManager.Tell(connect, TestActor);

        Tcp.CommandFailed failed = await ExpectMsgAsync<Tcp.CommandFailed>();
        Assert.Same(connect, failed.Cmd);
        Assert.Equal(SocketError.AddressAlreadyInUse, Assert.IsType<SocketException>(failed.Cause.Value).SocketErrorCode);
    }

    [Fact]
    public async Task Connect_HostName_ResolvesAndConnects()
    {
        using Socket server = Loopback.Listen();
        int port = ((IPEndPoint)server.LocalEndPoint!).Port;

        TcpManager.Tell(new Tcp.Connect(new DnsEndPoint("localhost", port)), TestActor);
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        using Socket accepted = await server.AcceptAsync(timeout.Token);

        Tcp.Connected connected = await ExpectMsgAsync<Tcp.Connected>();
        Assert.Equal(port, ((IPEndPoint)connected.RemoteAddress).Port);
    }

    [SocketsOnlyFact("Akka.IO's CommandFailed cause is its own ConnectException, not the socket error or a TimeoutException")]
    public async Task Connect_NobodyListening_CommandFailedWithConnectionRefused()
    {
        int closedPort;
        using (Socket probe = Loopback.Listen())
        {
            closedPort = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var connect = new Tcp.Connect(new IPEndPoint(IPAddress.Loopback, closedPort));
        TcpManager.Tell(connect, TestActor);

        Tcp.CommandFailed failed = await ExpectMsgAsync<Tcp.CommandFailed>();
        Assert.Same(connect, failed.Cmd);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(failed.Cause.Value).SocketErrorCode);
    }

    [SocketsOnlyFact("Akka.IO's CommandFailed cause is its own ConnectException, not the socket error or a TimeoutException")]
    public async Task Connect_PeerNeverAccepts_CommandFailedWithTimeoutAfterTheCommandsTimeout()
    {
        // A listener whose accept queue is full drops further SYNs, so a connect to it can only time out.
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.Listen(0);
        var fillers = new List<Socket>();
        try
        {
            for (int i = 0; i < 8; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                using var attempt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                try
                {
                    await filler.ConnectAsync(server.LocalEndPoint!, attempt.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var connect = new Tcp.Connect(server.LocalEndPoint!, timeout: TimeSpan.FromMilliseconds(500));
            TcpManager.Tell(connect, TestActor);

            Tcp.CommandFailed failed = await ExpectMsgAsync<Tcp.CommandFailed>(TimeSpan.FromSeconds(5));
            Assert.Same(connect, failed.Cmd);
            Assert.IsType<TimeoutException>(failed.Cause.Value);
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task Connect_ActorToActor_EchoesThroughBothConnectionActors()
    {
        TestProbe bindHandler = CreateTestProbe();
        TestProbe serverHandler = CreateTestProbe();
        TestProbe clientHandler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);

        TcpManager.Tell(new Tcp.Connect(address), clientHandler.Ref);
        await clientHandler.ExpectMsgAsync<Tcp.Connected>();
        var clientConnection = clientHandler.LastSender;
        await bindHandler.ExpectMsgAsync<Tcp.Connected>();
        var serverConnection = bindHandler.LastSender;
        clientConnection.Tell(new Tcp.Register(clientHandler.Ref), clientHandler.Ref);
        serverConnection.Tell(new Tcp.Register(serverHandler.Ref), serverHandler.Ref);

        clientConnection.Tell(Tcp.Write.Create(ByteString.FromString("ping")), clientHandler.Ref);
        Assert.Equal("ping", (await serverHandler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
        serverConnection.Tell(Tcp.Write.Create(ByteString.FromString("pong")), serverHandler.Ref);
        Assert.Equal("pong", (await clientHandler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());

        clientConnection.Tell(Tcp.Close.Instance, clientHandler.Ref);
        await clientHandler.ExpectMsgAsync<Tcp.Closed>();
        await serverHandler.ExpectMsgAsync<Tcp.PeerClosed>();
    }
}

/// <summary>Runs <see cref="TcpConnectTests"/> against Akka's own manager.</summary>
public sealed class TcpConnectTestsOnAkka(ITestOutputHelper output) : TcpConnectTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpConnectTests"/> against ActorSockets' manager.</summary>
public sealed class TcpConnectTestsOnSockets(ITestOutputHelper output) : TcpConnectTests(output, IoManager.Sockets);
