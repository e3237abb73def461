using System.Net;
using System.Net.Sockets;
using ActorSockets.Hocon;
using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>How the real host starts, refuses to start, and answers its informational options.</summary>
public sealed class StartupTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("actorsockets-host-e2e-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task Start_PortInUse_PrintsOneLineNamingTheEndpoint_AndExitsTwo()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using var host = HostProcess.Start([.. HostProcess.AllOnPortZero, "--set", $"actorsockets.endpoints.hi.port={port}"]);

        Assert.Equal(2, await host.WaitForExitAsync(ExitTimeout));
        var error = SingleLine(host.StandardError);
        Assert.StartsWith("actorsockets: ", error, StringComparison.Ordinal);
        Assert.Contains("'hi'", error, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
        Assert.Contains("in use", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ActorSockets host ready", host.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_StaleUnixSocketFile_SaysWhatToDo_KeepsTheFile_AndExitsTwo()
    {
        // What a killed host leaves behind: a socket file nobody listens on. (Disposing a .NET socket deletes the
        // file it bound, so the file is moved away from under the socket first.)
        var path = Path.Combine(_temp.FullName, "stale.sock");
        using (var crashed = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            crashed.Bind(new UnixDomainSocketEndPoint(path + ".tmp"));
            crashed.Listen();
            File.Move(path + ".tmp", path);
        }

        await using var host = HostProcess.Start([.. HostProcess.AllOnPortZero,
            "--set", "actorsockets.endpoints.local.protocol=ok", "--set", $"actorsockets.endpoints.local.path={path}"]);

        Assert.Equal(2, await host.WaitForExitAsync(ExitTimeout));
        var error = SingleLine(host.StandardError);
        Assert.Contains("'local'", error, StringComparison.Ordinal);
        Assert.Contains($"{path} already exists and nothing accepts connections on it", error, StringComparison.Ordinal);
        Assert.Contains("Remove it", error, StringComparison.Ordinal);
        Assert.True(File.Exists(path));

        // A failed start unbinds the endpoints it had started without leaving dead letters behind.
        Assert.DoesNotContain("dead letters", host.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [RequiresRootAndSetprivFact]
    public async Task Start_PrivilegedPortAsUnprivilegedUser_SaysPermissionDenied_AndExitsTwo()
    {
        // Port 1: below 1024, binding it needs privilege whether or not anything listens there.
        await using var host = HostProcess.StartUnprivileged([.. HostProcess.AllOnPortZero, "--set", "actorsockets.endpoints.hi.port=1"]);

        Assert.Equal(2, await host.WaitForExitAsync(ExitTimeout));
        var error = SingleLine(host.StandardError);
        Assert.Equal("actorsockets: endpoint 'hi' (tcp 127.0.0.1:1): permission denied", error);
        Assert.DoesNotContain("ActorSockets host ready", host.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BrokenConfigFile_PrintsFileLineAndColumn_AndExitsTwo()
    {
        var file = Path.Combine(_temp.FullName, "broken.conf");
        await File.WriteAllTextAsync(file, "actorsockets {\n  endpoints {\n    ok { port = [1, 2 }\n  }\n}\n");

        await using var host = HostProcess.Start(["--config", file]);

        Assert.Equal(2, await host.WaitForExitAsync(ExitTimeout));
        var error = SingleLine(host.StandardError);
        Assert.Matches($@"^actorsockets: {System.Text.RegularExpressions.Regex.Escape(file)}:3:\d+: ", error);
        Assert.Equal(string.Empty, host.StandardOutput);
    }

    [Fact]
    public async Task Start_UnknownProtocol_NamesTheEndpoint_AndExitsTwo()
    {
        await using var host = HostProcess.Start([.. HostProcess.AllOnPortZero, "--set", "actorsockets.endpoints.extra.protocol=gopher", "--set", "actorsockets.endpoints.extra.port=0"]);

        Assert.Equal(2, await host.WaitForExitAsync(ExitTimeout));
        var error = SingleLine(host.StandardError);
        Assert.Contains("'extra'", error, StringComparison.Ordinal);
        Assert.Contains("gopher", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AkkaSettingAkkaRefuses_PrintsOneLine_AndExitsTwo()
    {
        await using var host = HostProcess.Start([.. HostProcess.AllOnPortZero, "--set", "akka.loglevel=LOUD"]);

        Assert.Equal(2, await host.WaitForExitAsync(ExitTimeout));
        var error = SingleLine(host.StandardError);
        Assert.StartsWith("actorsockets: Akka.NET cannot start with this configuration: ", error, StringComparison.Ordinal);
        Assert.Contains("LOUD", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, host.StandardOutput);
    }

    [Fact]
    public async Task Check_ValidConfig_ExitsZeroListingTheEndpoints()
    {
        await using var host = HostProcess.Start(["--check"]);

        Assert.Equal(0, await host.WaitForExitAsync(ExitTimeout));
        Assert.StartsWith(
            "configuration OK: 8 endpoint(s) [ok, welcome, greeting, clock, hi, udp-hi, udp-time, chat]",
            host.StandardOutput,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidValue_ExitsTwoNamingIt()
    {
        await using var host = HostProcess.Start(["--check", "--set", "actorsockets.endpoints.chat.port=70000"]);

        Assert.Equal(2, await host.WaitForExitAsync(ExitTimeout));
        var error = SingleLine(host.StandardError);
        Assert.Contains("'chat'", error, StringComparison.Ordinal);
        Assert.Contains("70000", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintConfig_RendersTheMergedConfig_WithOverridesAndLibraryDefaults()
    {
        await using var host = HostProcess.Start(["--print-config", "--set", "actorsockets.endpoints.chat.port=7777"]);

        Assert.Equal(0, await host.WaitForExitAsync(ExitTimeout));
        var config = ConfigFactory.ParseString(host.StandardOutput);
        Assert.Equal(7777, config.GetInt("actorsockets.endpoints.chat.port"));
        Assert.Equal(8001, config.GetInt("actorsockets.endpoints.ok.port"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("actorsockets.host.shutdown-timeout"));
        Assert.Equal(["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog"], config.GetStringList("akka.loggers"));
        Assert.True(config.HasPath("actorsockets.protocols.chat.default-room"), "the protocols reference.conf is merged in");
    }

    [Fact]
    public async Task Options_Unknown_PrintsUsageOnStderr_AndExitsTwo()
    {
        await using var host = HostProcess.Start(["--frobnicate"]);

        Assert.Equal(2, await host.WaitForExitAsync(ExitTimeout));
        Assert.StartsWith("actorsockets: unknown option '--frobnicate'\nUsage: ActorSockets.Host", host.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, host.StandardOutput);
    }

    [Fact]
    public async Task Help_PrintsUsage_AndExitsZero()
    {
        await using var host = HostProcess.Start(["--help"]);

        Assert.Equal(0, await host.WaitForExitAsync(ExitTimeout));
        Assert.StartsWith("Usage: ActorSockets.Host", host.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--print-config", host.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadyFile_ListsTheBoundEndpoints()
    {
        var ready = Path.Combine(_temp.FullName, "ready.txt");
        await using var host = await HostProcess.StartReadyAsync([.. HostProcess.AllOnPortZero, "--ready-file", ready]);

        var lines = await File.ReadAllLinesAsync(ready);

        Assert.Equal(8, lines.Length);
        Assert.Contains(lines, l => l.Contains($" {host.Endpoint("chat").Address} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_AkkaManagerAskedForAUnixSocket_PrintsOneClearLine_AndExitsTwo()
    {
        var path = Path.Combine(_temp.FullName, "akka.sock");

        await using var host = HostProcess.Start(
        [
            .. HostProcess.AllOnPortZero,
            "--set", "actorsockets.endpoint-defaults.io-manager=akka",
            "--set", "actorsockets.endpoints.local.protocol=ok",
            "--set", $"actorsockets.endpoints.local.path=\"{path}\"",
        ]);

        Assert.Equal(2, await host.WaitForExitAsync(ExitTimeout));
        var error = SingleLine(host.StandardError);
        Assert.StartsWith("actorsockets: ", error, StringComparison.Ordinal);
        Assert.Contains("'local'", error, StringComparison.Ordinal);
        Assert.Contains("akka", error, StringComparison.Ordinal);
        Assert.Contains("Unix", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ActorSockets host ready", host.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Banner_AkkaManager_EndsEveryEndpointLineWithIoAkka()
    {
        await using var host = await HostProcess.StartReadyAsync([.. HostProcess.AllOnPortZero, "--set", "actorsockets.endpoint-defaults.io-manager=akka"]);

        Assert.Equal(8, host.Endpoints.Count);
        Assert.All(host.Endpoints.Values, e => Assert.Equal("akka", e.IoManager));
        Assert.Contains("protocol ok io akka\n", host.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Banner_UnixSocketAndIpv6Endpoints_ShowTheirRealAddresses_AndServe()
    {
        var socketPath = Path.Combine(_temp.FullName, "chat.sock");
        await using var host = await HostProcess.StartReadyAsync(
        [
            .. HostProcess.AllOnPortZero,
            "--set", $"actorsockets.endpoints.chat.path=\"{socketPath}\"",
            "--set", "actorsockets.endpoints.ok.host=\"::1\"",
        ]);

        Assert.Equal("unix:" + socketPath, host.Endpoint("chat").Address);
        var ok = host.Endpoint("ok").EndPoint;
        Assert.Equal(IPAddress.IPv6Loopback, ok.Address);

        using (var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            using var cts = new CancellationTokenSource(TestClient.Timeout);
            await unix.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cts.Token);
            await using var stream = new NetworkStream(unix);
            using var reader = new StreamReader(stream);
            var greeting = await reader.ReadLineAsync(cts.Token);
            Assert.StartsWith("*** Welcome to the chat", greeting, StringComparison.Ordinal);
        }

        await using var client = await TestClient.ConnectAsync(ok);
        await client.SendAsync("hello");
        Assert.Equal("OK", await client.ReadTextOfLengthAsync("OK"));
    }

    private static string SingleLine(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var line = text[..^1];
        Assert.DoesNotContain('\n', line);
        return line;
    }
}
