using System.Net;
using System.Net.Sockets;
using ActorSockets.IO.Internal;
using ActorSockets.IO.Tests.Support;
using Akka.IO;

namespace ActorSockets.IO.Tests.Internal;

public class UdpChannelTests
{
    [Fact]
    public async Task RequestRead_OversizedThenSmall_DropsOversizedAndDeliversSmall()
    {
        var server = LoopbackUdp.NewSocket();
        var owner = new PostedMessages();
        using var channel = new UdpChannel(server, owner.Post, maxDatagramSize: 100);
        using var client = LoopbackUdp.NewSocket();

        channel.RequestRead();
        await client.SendToAsync(new byte[101], server.LocalEndPoint!);
        await client.SendToAsync("hi"u8.ToArray(), server.LocalEndPoint!);

        ChannelDatagramDropped dropped = await owner.NextAsync<ChannelDatagramDropped>();
        Udp.Received received = await owner.NextAsync<Udp.Received>();
        Assert.Equal(client.LocalEndPoint, dropped.From);
        Assert.Equal("hi", received.Data.ToString());
        Assert.Equal(client.LocalEndPoint, received.Sender);
    }

    [Fact]
    public async Task RequestRead_FloodOfOversizedDatagrams_PostsOneDropNoticeAndCountsEveryDrop()
    {
        var server = LoopbackUdp.NewSocket();
        var owner = new PostedMessages();
        using var channel = new UdpChannel(server, owner.Post, maxDatagramSize: 100);
        using var client = LoopbackUdp.NewSocket();
        for (int i = 0; i < 50; i++)
        {
            await client.SendToAsync(new byte[101], server.LocalEndPoint!);
        }

        await client.SendToAsync("hi"u8.ToArray(), server.LocalEndPoint!);

        // The owner does not take the count yet (a busy actor): the 49 later drops must not become messages.
        channel.RequestRead();
        await owner.NextAsync<ChannelDatagramDropped>();
        Assert.Equal("hi", (await owner.NextAsync<Udp.Received>()).Data.ToString());
        Assert.False(owner.TryTake(out object? extra), $"unexpected {extra}");
        Assert.Equal(50, channel.TakeDropped());
        Assert.Equal(0, channel.TakeDropped());
    }

    [Fact]
    public async Task TakeDropped_ThenAnotherDrop_PostsAFreshNotice()
    {
        var server = LoopbackUdp.NewSocket();
        var owner = new PostedMessages();
        using var channel = new UdpChannel(server, owner.Post, maxDatagramSize: 100);
        using var client = LoopbackUdp.NewSocket();
        channel.RequestRead();
        await client.SendToAsync(new byte[101], server.LocalEndPoint!);
        await client.SendToAsync("one"u8.ToArray(), server.LocalEndPoint!);
        await owner.NextAsync<ChannelDatagramDropped>();
        await owner.NextAsync<Udp.Received>();
        Assert.Equal(1, channel.TakeDropped());

        channel.RequestRead();
        await client.SendToAsync(new byte[101], server.LocalEndPoint!);
        await client.SendToAsync("two"u8.ToArray(), server.LocalEndPoint!);

        await owner.NextAsync<ChannelDatagramDropped>();
        Assert.Equal("two", (await owner.NextAsync<Udp.Received>()).Data.ToString());
        Assert.Equal(1, channel.TakeDropped());
    }

    [Theory]
    [InlineData(SocketError.ConnectionReset)]
    [InlineData(SocketError.ConnectionRefused)]
    [InlineData(SocketError.MessageSize)]
    [InlineData(SocketError.HostUnreachable)]
    [InlineData(SocketError.NetworkUnreachable)]
    [InlineData(SocketError.NetworkReset)]
    public void ConcernsOneDatagram_ErrorsAboutOneDatagram_True(SocketError error)
    {
        Assert.True(UdpChannel.ConcernsOneDatagram(error));
    }

    [Theory]
    [InlineData(SocketError.OperationAborted)]
    [InlineData(SocketError.Interrupted)]
    [InlineData(SocketError.InvalidArgument)]
    [InlineData(SocketError.AccessDenied)]
    public void ConcernsOneDatagram_ErrorsAboutTheSocket_False(SocketError error)
    {
        Assert.False(UdpChannel.ConcernsOneDatagram(error));
    }

    [Fact]
    public async Task TrySend_ToPeer_ArrivesAsOneDatagram()
    {
        var server = LoopbackUdp.NewSocket();
        using var channel = new UdpChannel(server, new PostedMessages().Post, maxDatagramSize: 100);
        using var peer = LoopbackUdp.NewSocket();

        Exception? error = channel.TrySend("datagram"u8, peer.LocalEndPoint!);
        var buffer = new byte[100];
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        int read = await peer.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);

        Assert.Null(error);
        Assert.Equal("datagram", System.Text.Encoding.ASCII.GetString(buffer, 0, read));
    }
}
