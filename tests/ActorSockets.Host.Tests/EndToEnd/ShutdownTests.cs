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

        // The server answers per read, as the tutorial's recv(1024) loop does, so the line may come back in
        // several answers; together they must hold all of it, in order, up to a clean close.
        var answers = (prefix + Encoding.UTF8.GetString(await reader.ReadToEndAsync())).Split("\r\n");
        Assert.Equal(string.Empty, answers[^1]);
        Assert.All(answers[..^1], a => Assert.StartsWith(prefix, a, StringComparison.Ordinal));
        Assert.Equal(line, string.Concat(answers[..^1].Select(a => a[prefix.Length..])));
        var chatRest = await chat.ReadToEndTextAsync();
        Assert.Contains("*** The server is shutting down. Bye!", chatRest, StringComparison.Ordinal);

        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10 + 5), $"exited after {clock.Elapsed}; shutdown-timeout is 10 s");
        Assert.Contains("Shutting down on SIGTERM", host.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, host.StandardError);
    }

    [Fact]
    public async Task Sigint_IdleHost_ExitsZeroReleasesItsPorts_AndTheFileSinkHasTheSameLines()
    {
        var logs = Directory.CreateTempSubdirectory("actorsockets-logs-");
        try
        {
            await using var host = await HostProcess.StartReadyAsync(
            [
                .. HostProcess.AllOnPortZero,
                "--set", "actorsockets.log.file.enabled=on",
                "--set", $"actorsockets.log.file.path=\"{logs.FullName}/host-.log\"",
            ]);
            var ok = host.Endpoint("ok").EndPoint;

            await host.SignalAsync("INT");

            Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            using var rebind = new System.Net.Sockets.TcpListener(ok);
            rebind.Start();
            rebind.Stop();

            var file = Assert.Single(logs.GetFiles("host-*.log"));
            var fileLines = await File.ReadAllLinesAsync(file.FullName);
            Assert.Contains(fileLines, l => l.Contains("[INF] Host: Shutting down on SIGINT", StringComparison.Ordinal));
            Assert.Contains(fileLines, l => l.Contains("[INF] Host: Stopped in ", StringComparison.Ordinal));
            // The protocols log through Akka (Akka.Logger.Serilog), into the same sinks and format.
            Assert.Contains(fileLines, l => l.Contains("[INF] EndpointListener: ", StringComparison.Ordinal) && l.Contains("listening on", StringComparison.Ordinal));
            Assert.All(fileLines, l => Assert.Contains(l, host.StandardOutput, StringComparison.Ordinal));
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Sigterm_ShutdownOutlastsShutdownTimeout_ExitsOneSayingSo()
    {
        // No coordinated shutdown (unbind, drain, stop, terminate the actor system) finishes within 1 ms.
        await using var host = await HostProcess.StartReadyAsync([.. HostProcess.AllOnPortZero, "--set", "actorsockets.host.shutdown-timeout=1ms"]);

        await host.SignalAsync("TERM");

        Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("[ERR] Host: Shutdown did not finish within 0.001 s; exiting anyway", host.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Stopped in", host.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondSigterm_WhileShutdownWaitsOnAFlush_ExitsAtOnceWith143()
    {
        await using var host = await HostProcess.StartReadyAsync(
        [
            .. HostProcess.AllOnPortZero,
            "--set", "actorsockets.endpoints.welcome.max-line-length=1MiB",
        ]);

        // A reader that never reads keeps its session flushing. On the ActorSockets manager (bounded write queue,
        // issue 11) that holds the graceful shutdown until the close-timeout (5 s); on Akka's manager the kernel
        // takes the whole answer, so the graceful shutdown only lasts a few hundred milliseconds. Either way the
        // second signal, sent right after the first, must end the process at once with 143, not let it finish.
        await using var stuck = await TestClient.ConnectAsync(host.Endpoint("welcome").EndPoint, receiveBufferSize: 4096);
        await stuck.SendAsync(new string('y', 1_000_000) + "\n");
        Assert.Equal("欢迎访问>>>>", await stuck.ReadTextOfLengthAsync("欢迎访问>>>>"));

        await host.SignalAsync("TERM");
        await host.SignalAsync("TERM");

        // 143 = 128 + SIGTERM: the forced exit. A graceful one would be 0 (or 1), after at least the 5 s flush.
        Assert.Equal(143, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
