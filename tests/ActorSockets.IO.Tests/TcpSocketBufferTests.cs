using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>socket-receive-buffer-size and socket-send-buffer-size reach the kernel on both kinds of connection.</summary>
public class TcpSocketBufferTests(ITestOutputHelper output)
    : IoTestKit(output, new TcpSettings { SocketReceiveBufferSize = ReceiveSize, SocketSendBufferSize = SendSize })
{
    private const int ReceiveSize = 24 * 1024;
    private const int SendSize = 40 * 1024;

    [Fact]
    public async Task Connect_BufferSizesConfigured_TheOutgoingSocketHasThem()
    {
        var (expectedReceive, expectedSend) = WhatTheKernelReportsFor(ReceiveSize, SendSize);
        var probe = new BufferSizeProbe();
        using Socket server = Loopback.Listen();

        TcpManager.Tell(new Tcp.Connect(server.LocalEndPoint!, options: [probe]), TestActor);
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        using Socket accepted = await server.AcceptAsync(timeout.Token);
        await ExpectMsgAsync<Tcp.Connected>();

        Assert.Equal((expectedReceive, expectedSend), probe.Sizes);
    }

    [Fact]
    public async Task Bind_BufferSizesConfigured_AcceptedSocketsHaveThem()
    {
        var (expectedReceive, expectedSend) = WhatTheKernelReportsFor(ReceiveSize, SendSize);
        var probe = new BufferSizeProbe();
        TestProbe handler = CreateTestProbe();
        var (_, address) = await BindAsync(handler, options: [probe]);

        using RawClient client = await RawClient.ConnectAsync(address);
        await handler.ExpectMsgAsync<Tcp.Connected>();

        Assert.Equal((expectedReceive, expectedSend), probe.Sizes);
    }

    /// <summary>
    /// What getsockopt reports after setting these sizes (Linux doubles them for its bookkeeping), checked to differ
    /// from a fresh socket's, so the assertion can only pass if the setting was really applied.
    /// </summary>
    private static (int Receive, int Send) WhatTheKernelReportsFor(int receive, int send)
    {
        using var fresh = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var configured = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        configured.ReceiveBufferSize = receive;
        configured.SendBufferSize = send;
        Assert.NotEqual(fresh.ReceiveBufferSize, configured.ReceiveBufferSize);
        Assert.NotEqual(fresh.SendBufferSize, configured.SendBufferSize);
        return (configured.ReceiveBufferSize, configured.SendBufferSize);
    }

    /// <summary>Reads the connected socket's buffer sizes back from the kernel.</summary>
    private sealed class BufferSizeProbe : Inet.SocketOption
    {
        public (int Receive, int Send)? Sizes { get; private set; }

        public override void AfterConnect(Socket socket) => Sizes = (socket.ReceiveBufferSize, socket.SendBufferSize);
    }
}
