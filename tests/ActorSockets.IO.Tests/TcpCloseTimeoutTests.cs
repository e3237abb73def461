using System.Net.Sockets;
using Akka.Actor;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>A close that waits on the peer (to read, or to send its FIN) ends after close-timeout with a reset.</summary>
public class TcpCloseTimeoutTests(ITestOutputHelper output)
    : IoTestKit(output, new TcpSettings { CloseTimeout = TimeSpan.FromMilliseconds(500) })
{
    [Fact]
    public async Task Close_PeerNeverReadsAPendingWrite_ErrorClosedAfterTheTimeoutAndTheSocketIsReleased()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe commander = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        Watch(connection);
        int socketsWithConnection = SocketHandles.Count();

        // The peer reads nothing, so 32 MB cannot all reach the kernel and the close can never flush.
        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(new byte[32 * 1024 * 1024])), handler.Ref);
        await EventFilter.Info(contains: "timed out").ExpectOneAsync(() =>
        {
            connection.Tell(Tcp.Close.Instance, commander.Ref);
            return Task.CompletedTask;
        });

        Tcp.ErrorClosed closed = await handler.ExpectMsgAsync<Tcp.ErrorClosed>();
        Assert.Contains("close timed out", closed.Cause, StringComparison.Ordinal);
        Assert.Equal(closed, await commander.ExpectMsgAsync<Tcp.ErrorClosed>());
        await ExpectTerminatedAsync(connection);
        await AwaitAssertAsync(() => Assert.Equal(socketsWithConnection - 1, SocketHandles.Count()));
        SocketException reset = await Assert.ThrowsAsync<SocketException>(() => client.ReadToEndAsync());
        Assert.Equal(SocketError.ConnectionReset, reset.SocketErrorCode);
    }

    [Fact]
    public async Task ConfirmedClose_PeerNeverSendsFin_ErrorClosedAfterTheTimeoutAndTheSocketIsReleased()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe commander = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        Watch(connection);
        int socketsWithConnection = SocketHandles.Count();

        connection.Tell(Tcp.ConfirmedClose.Instance, commander.Ref);
        await client.ExpectEndOfStreamAsync();

        Tcp.ErrorClosed closed = await handler.ExpectMsgAsync<Tcp.ErrorClosed>();
        Assert.Contains("close timed out", closed.Cause, StringComparison.Ordinal);
        Assert.Contains("FIN", closed.Cause, StringComparison.Ordinal);
        Assert.Equal(closed, await commander.ExpectMsgAsync<Tcp.ErrorClosed>());
        await ExpectTerminatedAsync(connection);
        await AwaitAssertAsync(() => Assert.Equal(socketsWithConnection - 1, SocketHandles.Count()));
    }

    [Fact]
    public async Task ConfirmedClose_PeerClosesInTime_ConfirmedClosedAndNoTimeoutLater()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        connection.Tell(Tcp.ConfirmedClose.Instance, handler.Ref);
        await client.ExpectEndOfStreamAsync();
        client.ShutdownSend();

        await handler.ExpectMsgAsync<Tcp.ConfirmedClosed>();
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(800));
    }
}
