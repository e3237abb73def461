using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>
/// Floods of datagrams that are dropped: they must cost one log line, not one per datagram, and never stop the
/// socket. The drop-log interval is far longer than a test, so every drop line a test sees is the first one.
/// </summary>
public class UdpFloodTests(ITestOutputHelper output)
    : IoTestKit(output, udp: new UdpSettings { MaxDatagramSize = 1024, DropLogInterval = TimeSpan.FromMinutes(10) })
{
    private const int Rounds = 10;
    private const int DropsPerRound = 20;

    [Fact]
    public async Task OversizedFlood_LogsOneLineAndTheListenerKeepsServing()
    {
        TestProbe handler = CreateTestProbe();
        UdpManager.Tell(new Udp.Bind(handler.Ref, new IPEndPoint(IPAddress.Loopback, 0)), handler.Ref);
        EndPoint address = (await handler.ExpectMsgAsync<Udp.Bound>()).LocalAddress;
        using Socket peer = NewUdpPeer();

        // Rounds of oversized datagrams, each followed by a good one that must arrive: the kernel's receive
        // buffer never overflows (which would lose the good one), and when the good one arrives every drop
        // before it has been handled, so all their log lines (if any) fall inside the filter.
        await EventFilter.Warning(contains: "dropped").ExpectOneAsync(async () =>
        {
            for (int round = 0; round < Rounds; round++)
            {
                for (int i = 0; i < DropsPerRound; i++)
                {
                    await peer.SendToAsync(new byte[1025], address);
                }

                await peer.SendToAsync(System.Text.Encoding.UTF8.GetBytes($"good {round}"), address);
                Assert.Equal($"good {round}", (await handler.ExpectMsgAsync<Udp.Received>()).Data.ToString());
            }
        });

        await peer.SendToAsync("after"u8.ToArray(), address);
        Assert.Equal("after", (await handler.ExpectMsgAsync<Udp.Received>()).Data.ToString());
    }

    [Fact]
    public async Task MaxPeers_FloodFromAPeerOverTheLimit_LogsOneLineAndTheOthersAreServed()
    {
        var bind = new UdpBindPerPeer(_ => Props.Create(() => new ReplyingPeer()), new IPEndPoint(IPAddress.Loopback, 0), maxPeers: 1);
        UdpManager.Tell(bind, TestActor);
        EndPoint address = (await ExpectMsgAsync<Udp.Bound>()).LocalAddress;
        using Socket served = NewUdpPeer();
        using Socket refused = NewUdpPeer();
        Assert.Equal("re: hello", await AskAsync(served, address, "hello"));

        await EventFilter.Warning(contains: "max-peers").ExpectOneAsync(async () =>
        {
            for (int round = 0; round < Rounds; round++)
            {
                for (int i = 0; i < DropsPerRound; i++)
                {
                    await refused.SendToAsync("let me in"u8.ToArray(), address);
                }

                Assert.Equal($"re: {round}", await AskAsync(served, address, $"{round}"));
            }
        });
    }

    private static async Task<string> AskAsync(Socket peer, EndPoint address, string text)
    {
        await peer.SendToAsync(System.Text.Encoding.UTF8.GetBytes(text), address);
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        int read = await peer.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>Answers every datagram with <c>re: </c> and its text.</summary>
    private sealed class ReplyingPeer : ReceiveActor
    {
        public ReplyingPeer() =>
            Receive<Udp.Received>(received => Sender.Tell(
                Udp.Send.Create(ByteString.FromString($"re: {received.Data.ToString()}"), received.Sender), Self));
    }
}
