using System.Net.Sockets;
using System.Text;
using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>
/// The host under systemd (<c>Type=notify</c>): it says <c>READY=1</c> on <c>NOTIFY_SOCKET</c> only once every
/// endpoint is bound, and never when one fails. systemd is played by a copy of bash named <c>systemd</c>
/// (what Microsoft.Extensions.Hosting.Systemd checks for) and a datagram socket the test listens on.
/// </summary>
public sealed class SystemdTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("actorsockets-systemd-");
    private readonly Socket _notify = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string _notifyPath;
    private readonly string _fakeSystemd;

    public SystemdTests()
    {
        _notifyPath = Path.Combine(_temp.FullName, "notify.sock");
        _notify.Bind(new UnixDomainSocketEndPoint(_notifyPath));
        _fakeSystemd = Path.Combine(_temp.FullName, "systemd");
        File.Copy("/bin/bash", _fakeSystemd);
    }

    public void Dispose()
    {
        _notify.Dispose();
        _temp.Delete(recursive: true);
    }

    [RequiresProgramFact("bash", "to play systemd as the host's parent")]
    public async Task Notify_Ready_OnlyOnceEveryEndpointIsBound()
    {
        var ready = Path.Combine(_temp.FullName, "ready.txt");
        await using var host = HostProcess.StartUnderSystemd([.. HostProcess.AllOnPortZero, "--ready-file", ready], _fakeSystemd, _notifyPath);

        Assert.Equal("READY=1", await ReceiveAsync());

        // The ready file is written once every endpoint is bound, before the host counts as started.
        var lines = await File.ReadAllLinesAsync(ready);
        Assert.Equal(8, lines.Length);
        var ok = lines.Single(l => l.StartsWith("  endpoint ok ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        await using var client = await TestClient.ConnectAsync(System.Net.IPEndPoint.Parse(ok));
        await client.SendAsync("hello");
        Assert.Equal("OK", await client.ReadTextOfLengthAsync("OK"));
    }

    [RequiresProgramFact("bash", "to play systemd as the host's parent")]
    public async Task Notify_EndpointFailsToBind_NeverSaysReady_AndExitsTwo()
    {
        using var squatter = new TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;

        await using var host = HostProcess.StartUnderSystemd(
            [.. HostProcess.AllOnPortZero, "--set", $"actorsockets.endpoints.hi.port={port}"], _fakeSystemd, _notifyPath);

        Assert.Equal(2, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var received = new List<string>();
        while (_notify.Available > 0)
        {
            received.Add(await ReceiveAsync());
        }

        Assert.DoesNotContain("READY=1", received);
        Assert.Contains("'hi'", host.StandardError, StringComparison.Ordinal);
    }

    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[1024];
        using var cts = new CancellationTokenSource(HostProcess.StartTimeout);
        var length = await _notify.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }
}
