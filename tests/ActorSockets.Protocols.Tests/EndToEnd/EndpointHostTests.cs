using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ActorSockets.Protocols.Framing;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.EndToEnd;

/// <summary>
/// Every endpoint through a real TCP/UDP manager on loopback, driven the way the tutorials' clients drive it. The tests
/// run once per manager (<see cref="EndpointHostTestsOnActorSockets"/>, <see cref="EndpointHostTestsOnAkka"/>): the
/// protocol code must not depend on which one it talks to.
/// </summary>
public abstract partial class EndpointHostTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The <c>io-manager</c> every endpoint of these tests binds through.</summary>
    protected abstract string IoManager { get; }

    private EndpointSettings Endpoint(string name, string protocol, string? hocon = null) =>
        EndpointSettings.Create(name, protocol, $"{hocon}\nio-manager = {IoManager}");

    private async Task<EndpointBinding> StartAsync(string protocol, string? hocon = null)
    {
        var bindings = await EndpointHost.StartAsync(Sys, [Endpoint(protocol, protocol, hocon)], StartTimeout);
        var binding = Assert.Single(bindings);
        Assert.NotEqual(0, ((IPEndPoint)binding.LocalAddress).Port);
        return binding;
    }

    [Fact]
    public async Task Ok_UnterminatedMessageThenSilence_AnsweredOkThenTimeOut()
    {
        var ok = await StartAsync("ok", "idle-timeout = 500ms");
        using var client = await LoopbackClient.ConnectAsync(ok.LocalAddress);

        await client.SendAsync("hello");
        Assert.Equal("OK", Encoding.UTF8.GetString(await client.ReceiveOnceAsync()));

        Assert.Equal("Time out", Encoding.UTF8.GetString(await client.ReadToEndAsync()));
    }

    [Fact]
    public async Task Accept_EachPeer_LoggedWithARunningCount()
    {
        var hi = await StartAsync("hi");
        var clients = new List<LoopbackClient>();

        await EventFilter.Info(start: "Endpoint hi: connection #1 from 127.0.0.1:").ExpectOneAsync(async () => clients.Add(await LoopbackClient.ConnectAsync(hi.LocalAddress)));
        await EventFilter.Info(start: "Endpoint hi: connection #2 from 127.0.0.1:").ExpectOneAsync(async () => clients.Add(await LoopbackClient.ConnectAsync(hi.LocalAddress)));

        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Greeting_ClientText_LoggedEscaped()
    {
        var greeting = await StartAsync("greeting");
        using var client = await LoopbackClient.ConnectAsync(greeting.LocalAddress);

        await EventFilter.Info(contains: "the client says \"forged\\n[ERR] line\"").ExpectOneAsync(() =>
            client.SendAsync(WriteUtfFramer.Encode("forged\n[ERR] line").ToArray()));
    }

    [Fact]
    public async Task Ok_SilentClient_DoesNotDelayAnother()
    {
        var ok = await StartAsync("ok", "idle-timeout = 10s");
        using var silent = await LoopbackClient.ConnectAsync(ok.LocalAddress);
        using var talker = await LoopbackClient.ConnectAsync(ok.LocalAddress);

        await talker.SendAsync("hi");

        Assert.Equal("OK", Encoding.UTF8.GetString(await talker.ReceiveOnceAsync()));
    }

    [Fact]
    public async Task Welcome_RecvStyleClient_GetsPrefixedEcho()
    {
        var welcome = await StartAsync("welcome");
        using var client = await LoopbackClient.ConnectAsync(welcome.LocalAddress);

        await client.SendAsync("你好");
        Assert.Equal("欢迎访问>>>>你好\r\n", Encoding.UTF8.GetString(await client.ReceiveOnceAsync()));
        await client.SendAsync("line\n");
        Assert.Equal("欢迎访问>>>>line\r\n", Encoding.UTF8.GetString(await client.ReceiveOnceAsync()));
    }

    [Fact]
    public async Task Greeting_JavaWriteUtfClient_GetsGreetingWithLocalAddress()
    {
        var greeting = await StartAsync("greeting");
        using var client = await LoopbackClient.ConnectAsync(greeting.LocalAddress);

        await client.SendAsync(WriteUtfFramer.Encode("Hello from /127.0.0.1:1234").ToArray());
        var answer = await client.ReadToEndAsync();

        var frames = new List<FrameResult<string>>();
        new WriteUtfFramer().Decode(ByteString.FromBytes(answer), frames);
        var port = ((IPEndPoint)greeting.LocalAddress).Port;
        Assert.Equal($"谢谢连接我:/127.0.0.1:{port}\nGoodbye!", Assert.Single(frames).Frame);
    }

    [Fact]
    public async Task Clock_WritesTimeAndCloses_ClientWritingAfterwardsHarmsNothing()
    {
        var clock = await StartAsync("clock");
        using (var client = await LoopbackClient.ConnectAsync(clock.LocalAddress))
        {
            var text = Encoding.UTF8.GetString(await client.ReadToEndAsync());
            Assert.Matches(ClockPattern(), text);
            try
            {
                await client.SendAsync("接收消息成功");
            }
            catch (SocketException)
            {
                // The server has closed: a reset here is what the tutorial's client may see too.
            }
        }

        using var next = await LoopbackClient.ConnectAsync(clock.LocalAddress);
        Assert.Matches(ClockPattern(), Encoding.UTF8.GetString(await next.ReadToEndAsync()));
    }

    [Fact]
    public async Task Hi_OneMessage_AnsweredHiThenClosed()
    {
        var hi = await StartAsync("hi");
        using var client = await LoopbackClient.ConnectAsync(hi.LocalAddress);

        await client.SendAsync("hello!");

        Assert.Equal("hi", Encoding.UTF8.GetString(await client.ReadToEndAsync()));
    }

    [Fact]
    public async Task Udp_HiAndTime_AnswerEachDatagram()
    {
        var bindings = await EndpointHost.StartAsync(
            Sys, [Endpoint("udp-hi", "udp-hi"), Endpoint("udp-time", "udp-time")], StartTimeout);
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        await udp.SendAsync(Encoding.UTF8.GetBytes("hello"), (IPEndPoint)bindings[0].LocalAddress, cts.Token);
        var hi = await udp.ReceiveAsync(cts.Token);
        await udp.SendAsync(Encoding.UTF8.GetBytes("%Y"), (IPEndPoint)bindings[1].LocalAddress, cts.Token);
        var year = await udp.ReceiveAsync(cts.Token);
        await udp.SendAsync(new ReadOnlyMemory<byte>([0xff, 0xfe]), (IPEndPoint)bindings[1].LocalAddress, cts.Token);
        var error = await udp.ReceiveAsync(cts.Token);
        await udp.SendAsync(ReadOnlyMemory<byte>.Empty, (IPEndPoint)bindings[0].LocalAddress, cts.Token);
        var stillAnswering = await udp.ReceiveAsync(cts.Token);

        Assert.Equal("hi", Encoding.UTF8.GetString(hi.Buffer));
        Assert.Equal(DateTime.Now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(year.Buffer));
        Assert.StartsWith("error:", Encoding.UTF8.GetString(error.Buffer), StringComparison.Ordinal);
        Assert.Equal("hi", Encoding.UTF8.GetString(stillAnswering.Buffer));
    }

    [Fact]
    public async Task Chat_ThreeClients_NickWhoMsgQuit()
    {
        var chat = await StartAsync("chat");
        using var alice = await LoopbackClient.ConnectAsync(chat.LocalAddress);
        Assert.StartsWith("*** Welcome to the chat, guest-1!", await alice.ReadLineAsync(), StringComparison.Ordinal);
        using var bob = await LoopbackClient.ConnectAsync(chat.LocalAddress);
        Assert.StartsWith("*** Welcome to the chat, guest-2!", await bob.ReadLineAsync(), StringComparison.Ordinal);
        using var carol = await LoopbackClient.ConnectAsync(chat.LocalAddress);
        Assert.StartsWith("*** Welcome to the chat, guest-3!", await carol.ReadLineAsync(), StringComparison.Ordinal);

        await alice.SendAsync("/nick alice\r\n");
        await alice.ReadUntilAsync("*** You are now known as alice");
        await bob.SendAsync("/nick bob\n");
        await bob.ReadUntilAsync("*** You are now known as bob");
        await carol.SendAsync("/who\n");
        await carol.ReadUntilAsync("*** 3 in lobby: alice, bob, guest-3");

        await alice.SendAsync("/msg bob secret\n");
        await bob.ReadUntilAsync("*alice* secret");
        await alice.SendAsync("hello room\n");
        await bob.ReadUntilAsync("[alice] hello room");
        var carolSaw = await carol.ReadUntilAsync("[alice] hello room");
        Assert.DoesNotContain(carolSaw, l => l.Contains("secret", StringComparison.Ordinal));

        await bob.SendAsync("/quit\n");
        await bob.ReadUntilAsync("*** Bye!");
        Assert.Null(await bob.ReadLineAsync());
        await carol.ReadUntilAsync("*** bob left lobby (quit)");
    }

    [Fact]
    public async Task Chat_TwentyClientsEachSayALine_EveryoneHearsAllOthers()
    {
        const int clients = 20;
        var chat = await StartAsync("chat");
        var members = new List<LoopbackClient>();
        try
        {
            for (var i = 1; i <= clients; i++)
            {
                var member = await LoopbackClient.ConnectAsync(chat.LocalAddress);
                members.Add(member);
                await member.ReadUntilAsync($"*** Welcome to the chat, guest-{i}! You are in room lobby. Type /help for the commands.");
            }

            foreach (var member in members)
            {
                await member.SendAsync("/nick m" + (members.IndexOf(member) + 1) + "\n");
            }

            await Task.WhenAll(members.Select((m, i) => m.ReadUntilAsync($"*** You are now known as m{i + 1}")));
            await Task.WhenAll(members.Select((m, i) => m.SendAsync($"hello from m{i + 1}\n")));

            var heard = await Task.WhenAll(members.Select(async (m, i) =>
            {
                var lines = new List<string>();
                while (lines.Count < clients - 1)
                {
                    var line = await m.ReadLineAsync() ?? throw new InvalidOperationException($"m{i + 1}: end of stream");
                    if (line.StartsWith("[m", StringComparison.Ordinal))
                    {
                        lines.Add(line);
                    }
                }

                return lines;
            }));

            for (var i = 0; i < clients; i++)
            {
                var expected = Enumerable.Range(1, clients).Where(k => k != i + 1).Select(k => $"[m{k}] hello from m{k}").Order(StringComparer.Ordinal);
                Assert.Equal(expected, heard[i].Order(StringComparer.Ordinal));
            }
        }
        finally
        {
            members.ForEach(m => m.Dispose());
        }
    }

    [Fact]
    public async Task SayToLobby_ConsoleLine_ReachesChatMembersAsServer()
    {
        var chat = await StartAsync("chat");
        using var member = await LoopbackClient.ConnectAsync(chat.LocalAddress);
        await member.ReadLineAsync();

        EndpointHost.SayToLobby(Sys, "back in 5 \u001b[1mminutes\u0007");

        await member.ReadUntilAsync("[server] back in 5 minutes");
    }

    [Fact]
    public async Task MaxConnections_ExtraConnectionIsClosed_OthersUnaffected()
    {
        var ok = await StartAsync("ok", "max-connections = 1");
        using var first = await LoopbackClient.ConnectAsync(ok.LocalAddress);
        await first.SendAsync("a");
        Assert.Equal("OK", Encoding.UTF8.GetString(await first.ReceiveOnceAsync()));

        using var second = await LoopbackClient.ConnectAsync(ok.LocalAddress);
        Assert.Empty(await second.ReadToEndAsync());

        await first.SendAsync("b");
        Assert.Equal("OK", Encoding.UTF8.GetString(await first.ReceiveOnceAsync()));
    }

    [Fact]
    public async Task StartAsync_PortInUse_ThrowsOneClearLineAndStopsTheOthers()
    {
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        squatter.Listen();
        var port = ((IPEndPoint)squatter.LocalEndPoint!).Port;
        var endpoints = new[]
        {
            Endpoint("first", "ok"),
            Endpoint("taken", "hi", $"port = {port}"),
        };

        var error = await Assert.ThrowsAsync<EndpointStartException>(() => EndpointHost.StartAsync(Sys, endpoints, StartTimeout));

        Assert.Equal($"endpoint 'taken' (tcp 127.0.0.1:{port}): address already in use", error.Message);
        Assert.Equal("taken", error.EndpointName);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/endpoint-first").ResolveOne(TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/endpoint-taken").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task CoordinatedShutdown_ChatMember_ToldAndClosedWithFlush()
    {
        var chat = await StartAsync("chat");
        using var member = await LoopbackClient.ConnectAsync(chat.LocalAddress);
        await member.ReadLineAsync();

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.UnknownReason.Instance);

        await member.ReadUntilAsync("*** The server is shutting down. Bye!");
        Assert.Null(await member.ReadLineAsync());
        await Assert.ThrowsAnyAsync<SocketException>(() => LoopbackClient.ConnectAsync(chat.LocalAddress));
    }

    [Fact]
    public async Task CoordinatedShutdown_EveryEndpoint_ClosesSessionsAndFreesPorts()
    {
        var bindings = await EndpointHost.StartAsync(
            Sys, [Endpoint("ok", "ok"), Endpoint("welcome", "welcome"), Endpoint("udp-hi", "udp-hi")], StartTimeout);
        using var okClient = await LoopbackClient.ConnectAsync(bindings[0].LocalAddress);
        using var welcomeClient = await LoopbackClient.ConnectAsync(bindings[1].LocalAddress);
        await welcomeClient.SendAsync("before");
        Assert.Equal("欢迎访问>>>>before\r\n", Encoding.UTF8.GetString(await welcomeClient.ReceiveOnceAsync()));

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.UnknownReason.Instance);

        await AssertClosedAsync(okClient);
        await AssertClosedAsync(welcomeClient);
        await Assert.ThrowsAnyAsync<SocketException>(() => LoopbackClient.ConnectAsync(bindings[0].LocalAddress));
        await Assert.ThrowsAnyAsync<SocketException>(() => LoopbackClient.ConnectAsync(bindings[1].LocalAddress));

        // The UDP endpoint's port is free again: binding it here would throw "address already in use" otherwise.
        using var rebind = new UdpClient((IPEndPoint)bindings[2].LocalAddress);
        Assert.Equal(bindings[2].LocalAddress, rebind.Client.LocalEndPoint);
    }

    /// <summary>
    /// The server closed <paramref name="client"/>'s connection with nothing more to read: with a FIN on our manager.
    /// On Akka's, a connection accepted before its listener was unbound (the shutdown's first phase, before the drain
    /// closes the sessions) does not reliably keep working after it (TcpListenerTests, "Unbind_WithOpenConnection")
    /// and was seen reset here once in CI (2026-12-04), so a reset counts as closed there.
    /// </summary>
    private async Task AssertClosedAsync(LoopbackClient client)
    {
        try
        {
            Assert.Empty(await client.ReadToEndAsync());
        }
        catch (SocketException e) when (IoManager == "akka" && e.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
    }

    [Fact]
    public async Task Ok_IPv6Loopback_Serves()
    {
        var ok = await StartAsync("ok", "host = \"::1\"");
        using var client = await LoopbackClient.ConnectAsync(ok.LocalAddress);

        await client.SendAsync("v6");

        Assert.Equal(AddressFamily.InterNetworkV6, ok.LocalAddress.AddressFamily);
        Assert.Equal("OK", Encoding.UTF8.GetString(await client.ReceiveOnceAsync()));
    }

    [Fact]
    public async Task Chat_MemberThatStopsReading_IsResetAndTheRoomToldWhileTheSpeakerNeverWaits()
    {
        // A small kernel buffer on the sleeper's side; the server's send buffer is the kernel's default (Akka's
        // manager has no setting for it), so the queue overflows after a few megabytes rather than a few hundred lines.
        var chat = await StartAsync("chat", "outbound-queue { max-messages = 50 }\nflood-control { lines-per-second = 5000, burst = 500 }");
        using var speaker = await LoopbackClient.ConnectAsync(chat.LocalAddress);
        await speaker.ReadLineAsync();
        using var sleeper = await LoopbackClient.ConnectAsync(chat.LocalAddress, receiveBufferSize: 8 * 1024);
        await speaker.ReadUntilAsync("*** guest-2 joined lobby");

        // The sleeper never reads: once the kernel's buffers are full its queue overflows and it is dropped.
        var noticed = speaker.ReadUntilAsync("*** guest-2 left lobby (dropped: not reading)");
        var line = Encoding.UTF8.GetBytes(new string('z', 1000) + "\n");
        for (var sent = 0; sent < 50_000 && !noticed.IsCompleted; sent++)
        {
            await speaker.SendAsync(line);
        }

        await noticed;
        await Assert.ThrowsAsync<SocketException>(() => sleeper.ReadToEndAsync());
    }

    [GeneratedRegex(@"^服务端消息: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex ClockPattern();
}

/// <summary>The endpoint tests on the ActorSockets transport (the default manager).</summary>
public sealed class EndpointHostTestsOnActorSockets : EndpointHostTests
{
    protected override string IoManager => "actorsockets";
}

/// <summary>The endpoint tests on Akka.IO's own managers.</summary>
public sealed class EndpointHostTestsOnAkka : EndpointHostTests
{
    protected override string IoManager => "akka";
}
