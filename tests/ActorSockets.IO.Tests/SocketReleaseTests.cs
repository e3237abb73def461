using Akka.Actor;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>
/// Every test class of this project checks the socket count after its system terminates (see
/// <see cref="IoTestKit"/>); these tests make the paths explicit that are easiest to get wrong.
/// </summary>
public abstract class SocketReleaseTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager)
{
    [Fact]
    public async Task SystemShutdown_WithListenersAndOpenConnections_ReleasesEverySocket()
    {
        int before = SocketHandles.Count();
        ActorSystem system = ActorSystem.Create("release");
        TestProbe handler = CreateTestProbe();
        var clients = new List<RawClient>();
        try
        {
            IActorRef server = system.ActorOf(Props.Create<EchoServer>());
            system.SocketsTcp().Tell(new Tcp.Bind(server, AnyLoopbackPort), handler.Ref);
            Tcp.Bound bound = await handler.ExpectMsgAsync<Tcp.Bound>();
            system.SocketsUdp().Tell(new Udp.Bind(handler.Ref, AnyLoopbackPort), handler.Ref);
            await handler.ExpectMsgAsync<Udp.Bound>();
            for (int i = 0; i < 20; i++)
            {
                RawClient client = await RawClient.ConnectAsync(bound.LocalAddress);
                clients.Add(client);
                await client.SendAsync("x");
                await client.ReadExactlyAsync(1);
            }

            await system.Terminate();

            foreach (RawClient client in clients)
            {
                await client.ExpectEndOfStreamAsync();
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        await AwaitAssertAsync(() => Assert.Equal(before, SocketHandles.Count()), TimeSpan.FromSeconds(5));
    }
}

/// <summary>Runs <see cref="SocketReleaseTests"/> against Akka's own manager.</summary>
public sealed class SocketReleaseTestsOnAkka(ITestOutputHelper output) : SocketReleaseTests(output, IoManager.Akka);

/// <summary>Runs <see cref="SocketReleaseTests"/> against ActorSockets' manager.</summary>
public sealed class SocketReleaseTestsOnSockets(ITestOutputHelper output) : SocketReleaseTests(output, IoManager.Sockets);
