using System.Net.Sockets;
using ActorSockets.IO.Internal;
using ActorSockets.IO.Tests.Support;
using Akka.IO;

namespace ActorSockets.IO.Tests.Internal;

public class TcpChannelTests
{
    [Fact]
    public async Task RequestRead_PeerSends_PostsReceivedWithExactlyTheBytes()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        using var channel = new TcpChannel(server, owner, self: null, readSize: 64 * 1024);
        channel.StartReading(owner, push: false, suspended: true);

        channel.ResumeReading(push: false);
        await client.SendAsync("hello");

        Tcp.Received received = await owner.NextAsync<Tcp.Received>();
        Assert.Equal("hello", received.Data.ToString());
    }

    [Fact]
    public async Task RequestRead_TwoReads_FirstDataIsNotOverwrittenBySecond()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        using var channel = new TcpChannel(server, owner, self: null, readSize: 64 * 1024);
        channel.StartReading(owner, push: false, suspended: true);

        channel.ResumeReading(push: false);
        await client.SendAsync("first");
        Tcp.Received first = await owner.NextAsync<Tcp.Received>();
        channel.ResumeReading(push: false);
        await client.SendAsync("SECOND");
        Tcp.Received second = await owner.NextAsync<Tcp.Received>();

        Assert.Equal("first", first.Data.ToString());
        Assert.Equal("SECOND", second.Data.ToString());
    }

    [Fact]
    public async Task RequestRead_MoreThanReadSize_SplitsIntoChunksOfAtMostReadSize()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        using var channel = new TcpChannel(server, owner, self: null, readSize: 1000);
        channel.StartReading(owner, push: false, suspended: true);
        byte[] payload = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();

        await client.SendAsync(payload);
        var received = new List<byte>();
        while (received.Count < payload.Length)
        {
            channel.ResumeReading(push: false);
            Tcp.Received chunk = await owner.NextAsync<Tcp.Received>();
            Assert.InRange(chunk.Data.Count, 1, 1000);
            received.AddRange(chunk.Data.ToArray());
        }

        Assert.Equal(payload, received.ToArray());
    }

    [Fact]
    public async Task RequestRead_PeerShutsDownSending_PostsEndOfStream()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        using var channel = new TcpChannel(server, owner, self: null, readSize: 1024);
        channel.StartReading(owner, push: false, suspended: true);

        channel.ResumeReading(push: false);
        client.ShutdownSend();

        await owner.NextAsync<ChannelEndOfStream>();
    }

    [Fact]
    public async Task RequestRead_PeerResets_PostsFailureClassifiedAsReset()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        var owner = new PostedMessages();
        using var channel = new TcpChannel(server, owner, self: null, readSize: 1024);
        channel.StartReading(owner, push: false, suspended: true);

        channel.ResumeReading(push: false);
        client.Reset();

        ChannelFailed failed = await owner.NextAsync<ChannelFailed>();
        Assert.Equal(SocketFailureKind.Reset, failed.Kind);
        Assert.False(failed.DuringWrite);
    }

    [Fact]
    public async Task TrySend_LargerThanKernelBuffers_SendsWholeAndPostsCompleted()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        using var channel = new TcpChannel(server, owner, self: null, readSize: 1024);
        channel.StartReading(owner, push: false, suspended: true);
        byte[] payload = new byte[10 * 1024 * 1024];
        new Random(42).NextBytes(payload);

        bool sentAtOnce = channel.TrySend(ByteString.FromBytes(payload));
        byte[] arrived = await client.ReadExactlyAsync(payload.Length);

        Assert.False(sentAtOnce);
        await owner.NextAsync<ChannelSendCompleted>();
        Assert.Equal(payload, arrived);
    }

    [Fact]
    public async Task TrySend_Small_IsTakenAtOnceWithoutMessage()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        using var channel = new TcpChannel(server, owner, self: null, readSize: 1024);
        channel.StartReading(owner, push: false, suspended: true);

        bool sentAtOnce = channel.TrySend(ByteString.FromBytes("ping"u8.ToArray()));

        Assert.True(sentAtOnce);
        Assert.Equal("ping", await client.ReadStringAsync(4));
        Assert.False(owner.TryTake(out _));
    }

    [Fact]
    public async Task StartReading_PushMode_DeliversEverythingWithoutFurtherGrants()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        using var channel = new TcpChannel(server, owner, self: null, readSize: 1000);
        byte[] payload = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();

        channel.StartReading(owner, push: true, suspended: false);
        await client.SendAsync(payload);
        client.ShutdownSend();

        var received = new List<byte>();
        while (received.Count < payload.Length)
        {
            received.AddRange((await owner.NextAsync<Tcp.Received>()).Data.ToArray());
        }

        Assert.Equal(payload, received.ToArray());
        await owner.NextAsync<ChannelEndOfStream>();
    }

    [Fact]
    public async Task StopDelivering_ThenPeerSends_NothingIsDelivered()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        using var channel = new TcpChannel(server, owner, self: null, readSize: 1000);
        channel.StartReading(owner, push: true, suspended: false);

        channel.StopDelivering();
        await client.SendAsync("dropped");
        client.ShutdownSend();

        // End-of-stream still reaches the owner, but the bytes before it were not delivered.
        await owner.NextAsync<ChannelEndOfStream>();
    }

    [Fact]
    public async Task Dispose_WhileReadPending_ClosesSocketAndPostsNothing()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        var channel = new TcpChannel(server, owner, self: null, readSize: 1024);
        channel.StartReading(owner, push: false, suspended: true);
        channel.ResumeReading(push: false);

        channel.Dispose();

        await client.ExpectEndOfStreamAsync();
        Assert.False(owner.TryTake(out object? message), $"unexpected {message}");
    }

    [Fact]
    public async Task Abort_PeerSeesConnectionReset()
    {
        var (server, client) = await Loopback.ConnectedPairAsync();
        using IDisposable clientLifetime = client;
        var owner = new PostedMessages();
        var channel = new TcpChannel(server, owner, self: null, readSize: 1024);
        channel.StartReading(owner, push: false, suspended: true);

        channel.Abort();

        SocketException error = await Assert.ThrowsAsync<SocketException>(() => client.ReadToEndAsync());
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }
}
