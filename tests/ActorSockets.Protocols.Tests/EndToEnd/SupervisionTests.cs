using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorSockets.Protocols.Internal;
using ActorSockets.Protocols.Tests.Sessions;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.EndToEnd;

/// <summary>A session that throws is stopped and its connection closed; the listener and the other sessions carry on.</summary>
public sealed class SupervisionTests : Akka.TestKit.Xunit2.TestKit
{
    private async Task<(IActorRef Listener, EndPoint Address)> StartEchoListenerAsync()
    {
        var settings = EndpointSettings.Create("echo", "ok");
        var listener = Sys.ActorOf(EndpointListener.CreateProps(settings, new ThrowingEchoProtocol(settings), Sys.Tcp()));
        var started = await listener.Ask<EndpointStarted>(StartEndpoint.Instance, TimeSpan.FromSeconds(5));
        return (listener, started.LocalAddress);
    }

    [Fact]
    public async Task SessionThrows_IsStopped_SiblingsAndListenerCarryOn()
    {
        var (listener, address) = await StartEchoListenerAsync();
        // Connection stand-ins that show each session registering itself, but not its read requests.
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var third = CreateTestProbe();
        foreach (var probe in new[] { first, second, third })
        {
            probe.IgnoreMessages<Tcp.ResumeReading>();
        }

        var remote = new IPEndPoint(IPAddress.Loopback, 40000);

        listener.Tell(new Tcp.Connected(remote, address), first.Ref);
        listener.Tell(new Tcp.Connected(remote, address), second.Ref);
        var firstSession = (await first.ExpectMsgAsync<Tcp.Register>()).Handler;
        var secondSession = (await second.ExpectMsgAsync<Tcp.Register>()).Handler;
        Watch(firstSession);
        Watch(listener);

        firstSession.Tell(SessionAssertions.Received("boom"), first.Ref);
        await ExpectTerminatedAsync(firstSession);

        secondSession.Tell(SessionAssertions.Received("still there?"), second.Ref);
        await second.ExpectWriteAsync("still there?");
        listener.Tell(new Tcp.Connected(remote, address), third.Ref);
        await third.ExpectMsgAsync<Tcp.Register>();
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task SessionThrows_ItsClientSeesTheConnectionClose_OtherClientIsServed()
    {
        var (_, address) = await StartEchoListenerAsync();
        using var victim = await LoopbackClient.ConnectAsync(address);
        using var bystander = await LoopbackClient.ConnectAsync(address);

        await victim.SendAsync("boom");

        // Akka's connection actor resets a still-connected socket when its handler dies: the victim reads no data,
        // only the end of the connection (a reset; a plain end of stream is accepted too).
        try
        {
            Assert.Empty(await victim.ReadToEndAsync());
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
        }

        await bystander.SendAsync("ping");
        Assert.Equal("ping", Encoding.UTF8.GetString(await bystander.ReceiveOnceAsync()));
    }

    [Fact]
    public async Task UdpEndpoint_AnswerThrows_DatagramDroppedAndLaterOnesAnswered()
    {
        var settings = EndpointSettings.Create("udp-echo", "udp-hi");
        var endpoint = Sys.ActorOf(UdpEndpoint.CreateProps(settings, new ThrowingUdpEchoProtocol(settings), Sys.Udp()));
        var started = await endpoint.Ask<EndpointStarted>(StartEndpoint.Instance, TimeSpan.FromSeconds(5));
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Watch(endpoint);

        await client.SendAsync(Encoding.UTF8.GetBytes("boom"), (IPEndPoint)started.LocalAddress, cts.Token);
        await client.SendAsync(Encoding.UTF8.GetBytes("after"), (IPEndPoint)started.LocalAddress, cts.Token);

        var answer = await client.ReceiveAsync(cts.Token);
        Assert.Equal("after", Encoding.UTF8.GetString(answer.Buffer));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private sealed class ThrowingUdpEchoProtocol(EndpointSettings settings) : UdpEndpointProtocol(settings)
    {
        public override ByteString Answer(ByteString datagram) =>
            datagram.ToUtf8() == "boom" ? throw new InvalidOperationException("boom") : datagram;
    }

    private sealed class ThrowingEchoProtocol(EndpointSettings settings) : TcpEndpointProtocol(settings)
    {
        public override Props SessionProps(IActorRef connection, Tcp.Connected connected, IActorRef? service) =>
            ActorProps.Of(() => new ThrowingEchoSession(connection));
    }

    /// <summary>Echoes every read, and fails on <c>boom</c>.</summary>
    private sealed class ThrowingEchoSession : TcpSession
    {
        public ThrowingEchoSession(IActorRef connection)
            : base(connection, SessionTimeouts.Default)
        {
            Receive<Tcp.Received>(received =>
            {
                if (received.Data.ToUtf8() == "boom")
                {
                    throw new InvalidOperationException("boom");
                }

                Write(received.Data);
            });
            ReceiveConnectionEvents();
        }
    }
}
