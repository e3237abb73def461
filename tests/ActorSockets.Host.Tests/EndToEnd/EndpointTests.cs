using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>Each tutorial endpoint of the real host, driven the way the tutorial's client drives it.</summary>
public abstract partial class EndpointTests(RunningHost host)
{
    private HostProcess Host => host.Process;

    [Fact]
    public void Banner_ListsEveryEndpoint_WithItsRealPortProtocolAndIoManager()
    {
        var endpoints = Host.Endpoints;

        Assert.Equal(
            ["chat", "clock", "greeting", "hi", "ok", "ok-patient", "udp-hi", "udp-time", "welcome"],
            endpoints.Keys.Order(StringComparer.Ordinal));
        Assert.All(endpoints.Values, e => Assert.NotEqual(0, e.EndPoint.Port));
        Assert.All(endpoints.Values, e => Assert.Equal("127.0.0.1", e.EndPoint.Address.ToString()));
        Assert.Equal("udp", endpoints["udp-time"].Transport);
        Assert.Equal("tcp", endpoints["chat"].Transport);
        Assert.Equal("ok", endpoints["ok-patient"].Protocol);
        Assert.All(endpoints.Values, e => Assert.Equal(host.IoManager, e.IoManager));
    }

    [Fact]
    public async Task Ok_EachMessage_IsAnsweredOk_ThenIdleTimeoutSaysTimeOutAndCloses()
    {
        await using var client = await TestClient.ConnectAsync(Host.Endpoint("ok").EndPoint);

        await client.SendAsync("hello");
        Assert.Equal("OK", await client.ReadTextOfLengthAsync("OK"));
        await client.SendAsync("world");
        Assert.Equal("OK", await client.ReadTextOfLengthAsync("OK"));

        // idle-timeout is 1 s here (10 s in hocon/actorsockets.conf): the server says so and closes.
        Assert.Equal("Time out", await client.ReadToEndTextAsync());
    }

    [Fact]
    public async Task Ok_ASilentClient_DoesNotDelayTheNextOne()
    {
        var endpoint = Host.Endpoint("ok-patient").EndPoint;
        await using var silent = await TestClient.ConnectAsync(endpoint);
        await using var second = await TestClient.ConnectAsync(endpoint);
        var clock = Stopwatch.StartNew();

        await second.SendAsync("hello");
        Assert.Equal("OK", await second.ReadTextOfLengthAsync("OK"));

        // The tutorial's one-connection-at-a-time server would make the second client wait for the first's
        // 10 s timeout; here it is answered while the first is still connected and silent.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"answered after {clock.Elapsed}");
        await silent.SendAsync("still here");
        Assert.Equal("OK", await silent.ReadTextOfLengthAsync("OK"));
    }

    [Fact]
    public async Task Welcome_Lines_AreAnsweredWithThePrefixAndCrLf()
    {
        await using var client = await TestClient.ConnectAsync(Host.Endpoint("welcome").EndPoint);

        await client.SendAsync("hello\r\n");
        Assert.Equal("欢迎访问>>>>hello", await client.ReadLineAsync());

        // The tutorial's client sends input() without a newline, one send per message.
        await client.SendAsync("你好");
        Assert.Equal("欢迎访问>>>>你好\r\n", await client.ReadTextOfLengthAsync("欢迎访问>>>>你好\r\n"));
    }

    [Fact]
    public async Task Greeting_JavaWriteUtfClient_GetsTheServersAddressAndGoodbye()
    {
        var endpoint = Host.Endpoint("greeting").EndPoint;
        await using var client = await TestClient.ConnectAsync(endpoint);

        await client.SendWriteUtfAsync("Hello from /" + client.LocalEndPoint);
        var answer = await client.ReadWriteUtfAsync();

        Assert.Equal($"谢谢连接我:/127.0.0.1:{endpoint.Port}\nGoodbye!", answer);
        Assert.Empty(await client.ReadToEndAsync());
    }

    [Fact]
    public async Task Clock_WritesTheTimeAndCloses_AndAClientWritingAfterwardsBreaksNothing()
    {
        var endpoint = Host.Endpoint("clock").EndPoint;
        await using (var client = await TestClient.ConnectAsync(endpoint))
        {
            var text = await client.ReadToEndTextAsync();
            var match = ClockText().Match(text);
            Assert.True(match.Success, text);
            var shown = DateTime.ParseExact(match.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.True((DateTime.Now - shown).Duration() < TimeSpan.FromMinutes(1), $"{shown} is not now");

            // The PHP client writes its acknowledgement after the server has closed.
            try
            {
                await client.SendAsync("接收消息成功");
                await client.SendAsync("接收消息成功");
            }
            catch (SocketException)
            {
                // A reset is what the client may see; the server must not care.
            }
        }

        await using var next = await TestClient.ConnectAsync(endpoint);
        Assert.Matches(ClockText(), await next.ReadToEndTextAsync());
        Assert.False(Host.HasExited);
    }

    [Fact]
    public async Task Hi_OneMessage_IsAnsweredHiAndClosed()
    {
        await using var client = await TestClient.ConnectAsync(Host.Endpoint("hi").EndPoint);

        await client.SendAsync("hello!");

        Assert.Equal("hi", await client.ReadToEndTextAsync());
    }

    [Fact]
    public async Task UdpHi_EachDatagram_IsAnsweredHi()
    {
        var endpoint = Host.Endpoint("udp-hi").EndPoint;

        Assert.Equal("hi", await UdpTestClient.ExchangeAsync(endpoint, "hello"));
        Assert.Equal("hi", await UdpTestClient.ExchangeAsync(endpoint, "again"));
    }

    [Fact]
    public async Task UdpTime_Formats_AreAnsweredWithTheLocalTime()
    {
        var endpoint = Host.Endpoint("udp-time").EndPoint;
        var before = DateTime.Now.Year;

        var year = await UdpTestClient.ExchangeAsync(endpoint, "%Y");
        var full = await UdpTestClient.ExchangeAsync(endpoint, string.Empty);
        var literal = await UdpTestClient.ExchangeAsync(endpoint, "100%% at %H:%M");

        Assert.InRange(int.Parse(year, CultureInfo.InvariantCulture), before, DateTime.Now.Year);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", full);
        Assert.Matches(@"^100% at \d{2}:\d{2}$", literal);
    }

    [GeneratedRegex(@"^服务端消息: (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})$")]
    private static partial Regex ClockText();
}

/// <summary>The tests above on the default manager, the ActorSockets transport.</summary>
[Collection(RunningHostCollection.Name)]
public sealed class EndpointTestsOnActorSockets(RunningHost host) : EndpointTests(host);

/// <summary>The tests above on Akka.IO's own managers: the protocol code must not depend on which one it talks to.</summary>
[Collection(RunningAkkaHostCollection.Name)]
public sealed class EndpointTestsOnAkka(RunningAkkaHost host) : EndpointTests(host);
