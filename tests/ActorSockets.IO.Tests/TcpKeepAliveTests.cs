using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>keep-alive = on reaches the kernel: SO_KEEPALIVE is read back from each connected socket.</summary>
public class TcpKeepAliveTests(ITestOutputHelper output) : IoTestKit(output, new TcpSettings { KeepAlive = true })
{
    [Fact]
    public async Task Bind_KeepAliveOn_AcceptedSocketsHaveSoKeepAlive()
    {
        var probe = new KeepAliveProbe();
        TestProbe handler = CreateTestProbe();
        var (_, address) = await BindAsync(handler, options: [probe]);

        using RawClient client = await RawClient.ConnectAsync(address);
        await handler.ExpectMsgAsync<Tcp.Connected>();

        Assert.True(probe.KeepAlive);
    }

    [Fact]
    public async Task Connect_KeepAliveOn_TheOutgoingSocketHasSoKeepAlive()
    {
        var probe = new KeepAliveProbe();
        using Socket server = Loopback.Listen();

        TcpManager.Tell(new Tcp.Connect(server.LocalEndPoint!, options: [probe]), TestActor);
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        using Socket accepted = await server.AcceptAsync(timeout.Token);
        await ExpectMsgAsync<Tcp.Connected>();

        Assert.True(probe.KeepAlive);
    }

    /// <summary>Reads SO_KEEPALIVE back from the connected socket, after the settings were applied.</summary>
    private sealed class KeepAliveProbe : Inet.SocketOption
    {
        public bool? KeepAlive { get; private set; }

        public override void AfterConnect(Socket socket) =>
            KeepAlive = socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive) is int and not 0;
    }
}
