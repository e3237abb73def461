using System.Diagnostics;
using System.Text;
using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>SIGTERM to the real host: a graceful, coordinated shutdown that loses nothing already accepted.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_FlushesALargePendingWrite_TellsChatMembers_AndExitsZero()
    {
        await using var host = await HostProcess.StartReadyAsync(
        [
            .. HostProcess.AllOnPortZero,
            "--set", "actorsockets.endpoints.welcome.max-line-length=1MiB",
        ]);
        await using var chat = await TestClient.ConnectAsync(host.Endpoint("chat").EndPoint);
        Assert.StartsWith("*** Welcome to the chat", await chat.ReadLineAsync(), StringComparison.Ordinal);

        // A client with a small receive window asks for a ~1 MB answer and reads only its first bytes,
        // so most of the answer is still waiting on the server's side when the signal arrives.
        await using var reader = await TestClient.ConnectAsync(host.Endpoint("welcome").EndPoint, receiveBufferSize: 4096);
        var line = new string('x', 1_000_000);
        await reader.SendAsync(line + "\n");
        const string prefix = "欢迎访问>>>>";
        Assert.Equal(prefix, await reader.ReadTextOfLengthAsync(prefix));

        var clock = Stopwatch.StartNew();
        await host.SignalAsync("TERM");

        var rest = Encoding.UTF8.GetString(await reader.ReadToEndAsync());
        Assert.Equal(line.Length + 2, rest.Length);
        Assert.Equal(line + "\r\n", rest);
        var chatRest = await chat.ReadToEndTextAsync();
        Assert.Contains("*** The server is shutting down. Bye!", chatRest, StringComparison.Ordinal);

        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10 + 5), $"exited after {clock.Elapsed}; shutdown-timeout is 10 s");
        Assert.Contains("Shutting down on SIGTERM", host.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, host.StandardError);
    }

    [Fact]
    public async Task Sigint_IdleHost_ExitsZeroAndReleasesItsPorts()
    {
        await using var host = await HostProcess.StartReadyAsync(HostProcess.AllOnPortZero);
        var ok = host.Endpoint("ok").EndPoint;

        await host.SignalAsync("INT");

        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        using var rebind = new System.Net.Sockets.TcpListener(ok);
        rebind.Start();
        rebind.Stop();
    }
}
