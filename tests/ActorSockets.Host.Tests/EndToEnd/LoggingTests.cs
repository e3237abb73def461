using System.Text.RegularExpressions;
using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>What the real host's console log looks like when peers send hostile text.</summary>
public sealed partial class LoggingTests
{
    private const string Hostile = "x\r\n2026-01-01 00:00:00.000 +00:00 [ERR] Host: forged\u001b[31m\u2028\u0085\u202e";

    [Fact]
    public async Task Log_HostilePeerInput_NeverForgesALineOrReachesTheTerminalRaw()
    {
        await using var host = await HostProcess.StartReadyAsync([.. HostProcess.AllOnPortZero, "--log-level", "Verbose"]);
        await using (var chat = await TestClient.ConnectAsync(host.Endpoint("chat").EndPoint))
        {
            await chat.ReadLineAsync();
            await chat.SendAsync("/nick \u001b[2Jevil\r\n" + Hostile + "\r\n/quit\r\n");
            await chat.ReadUntilLineAsync("*** Bye!");
        }

        await using (var welcome = await TestClient.ConnectAsync(host.Endpoint("welcome").EndPoint))
        {
            await welcome.SendAsync(Hostile + "\n");
            await welcome.ReadLineAsync();
        }

        await using (var greeting = await TestClient.ConnectAsync(host.Endpoint("greeting").EndPoint))
        {
            await greeting.SendWriteUtfAsync(Hostile);
            await greeting.ReadWriteUtfAsync();
        }

        await UdpTestClient.ExchangeAsync(host.Endpoint("udp-time").EndPoint, Hostile);
        await host.SignalAsync("TERM");
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        var output = host.StandardOutput;
        Assert.DoesNotContain('\r', output);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u2028', output);
        Assert.DoesNotContain('\u0085', output);
        Assert.DoesNotContain('\u202e', output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(KnownLineShape(), line));
        Assert.DoesNotContain(lines, line => line.StartsWith("2026-01-01", StringComparison.Ordinal));
    }

    // A log event (timestamp first), an indented exception line, or the banner.
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2} \[(VRB|DBG|INF|WRN|ERR|FTL)\] |  |ActorSockets host)")]
    private static partial Regex KnownLineShape();
}
