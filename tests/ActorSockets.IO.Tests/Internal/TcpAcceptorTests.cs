using System.Net.Sockets;
using ActorSockets.IO.Internal;
using ActorSockets.IO.Tests.Support;

namespace ActorSockets.IO.Tests.Internal;

public class TcpAcceptorTests
{
    [Fact]
    public async Task Grant_Two_AcceptsTwoConnectionsAndQueuesTheirSockets()
    {
        Socket listener = Loopback.Listen();
        var owner = new PostedMessages();
        using var acceptor = new TcpAcceptor(listener, owner.Post);
        acceptor.Start();
        acceptor.Grant(2);

        using RawClient first = await RawClient.ConnectAsync(listener.LocalEndPoint!);
        using RawClient second = await RawClient.ConnectAsync(listener.LocalEndPoint!);
        await owner.NextAsync<ChannelAccepted>();
        await owner.NextAsync<ChannelAccepted>();

        using Socket? a = acceptor.TakeAccepted();
        using Socket? b = acceptor.TakeAccepted();
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Null(acceptor.TakeAccepted());
    }

    [Fact]
    public async Task Dispose_WithUntakenSockets_ClosesThem()
    {
        Socket listener = Loopback.Listen();
        var owner = new PostedMessages();
        var acceptor = new TcpAcceptor(listener, owner.Post);
        acceptor.Start();
        acceptor.Grant(1);
        using RawClient client = await RawClient.ConnectAsync(listener.LocalEndPoint!);
        await owner.NextAsync<ChannelAccepted>();

        acceptor.Dispose();

        await client.ExpectEndOfStreamAsync();
        Assert.Null(acceptor.TakeAccepted());
    }
}
