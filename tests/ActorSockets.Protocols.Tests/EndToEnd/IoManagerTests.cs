using System.Net;
using System.Net.Sockets;
using System.Text;
using Akka.Actor;

namespace ActorSockets.Protocols.Tests.EndToEnd;

/// <summary>
/// Each endpoint binds through the manager its <c>io-manager</c> names; what Akka's own manager cannot serve fails at
/// startup with one line naming the endpoint and what to set instead, and nothing stays started.
/// </summary>
public sealed class IoManagerTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(null, EndpointIoManager.ActorSockets, "actorsockets")]
    [InlineData("io-manager = actorsockets", EndpointIoManager.ActorSockets, "actorsockets")]
    [InlineData("io-manager = akka", EndpointIoManager.Akka, "akka")]
    public async Task StartAsync_IoManager_BindingNamesIt(string? hocon, EndpointIoManager expected, string name)
    {
        var bindings = await EndpointHost.StartAsync(
            Sys, [EndpointSettings.Create("ok", "ok", hocon), EndpointSettings.Create("udp-hi", "udp-hi", hocon)], StartTimeout);

        Assert.All(bindings, b => Assert.Equal(expected, b.IoManager));
        Assert.All(bindings, b => Assert.Equal(name, b.IoManagerName));
    }

    [Theory]
    [InlineData("actorsockets")]
    [InlineData("akka")]
    public async Task Accept_BeyondOneAcceptBatch_EveryClientIsServed(string manager)
    {
        // The listener binds in pull mode and lets the TCP listener accept 64 at a time: the 65th onwards need the next batch.
        var bindings = await EndpointHost.StartAsync(Sys, [EndpointSettings.Create("ok", "ok", $"io-manager = {manager}")], StartTimeout);
        var clients = new List<LoopbackClient>();
        try
        {
            for (var i = 0; i < 150; i++)
            {
                var client = await LoopbackClient.ConnectAsync(bindings[0].LocalAddress);
                clients.Add(client);
                await client.SendAsync("x");
                Assert.Equal("OK", Encoding.UTF8.GetString(await client.ReceiveOnceAsync()));
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task StartAsync_UnixPathOnAkkaManager_FailsWithOneLineAndStopsTheOthers()
    {
        var endpoints = new[]
        {
            EndpointSettings.Create("first", "ok"),
            EndpointSettings.Create("unix", "chat", "path = \"/tmp/as-never-bound.sock\"\nio-manager = akka"),
        };

        var error = await Assert.ThrowsAsync<EndpointStartException>(() => EndpointHost.StartAsync(Sys, endpoints, StartTimeout));

        Assert.Equal(
            "endpoint 'unix' (tcp unix:/tmp/as-never-bound.sock): io-manager = akka cannot listen on a Unix domain socket path; set io-manager = actorsockets, or host and port instead of path",
            error.Message);
        Assert.Equal("unix", error.EndpointName);
        Assert.False(File.Exists("/tmp/as-never-bound.sock"));
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/endpoint-first").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("udp-hi")]
    public async Task StartAsync_DualStackHostOnAkkaManager_FailsWithOneLine(string protocol)
    {
        var endpoint = EndpointSettings.Create("any6", protocol, "host = \"::\"\nio-manager = akka");

        var error = await Assert.ThrowsAsync<EndpointStartException>(() => EndpointHost.StartAsync(Sys, [endpoint], StartTimeout));

        Assert.StartsWith("endpoint 'any6' (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            "): io-manager = akka binds host \"::\" IPv6-only, so IPv4 clients would be refused; set io-manager = actorsockets for dual stack, or host = \"0.0.0.0\" for IPv4",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task StartAsync_UdpPortInUse_ThrowsOneClearLine()
    {
        using var squatter = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)squatter.Client.LocalEndPoint!).Port;

        var error = await Assert.ThrowsAsync<EndpointStartException>(() =>
            EndpointHost.StartAsync(Sys, [EndpointSettings.Create("udp-taken", "udp-hi", $"port = {port}")], StartTimeout));

        Assert.Equal($"endpoint 'udp-taken' (udp 127.0.0.1:{port}): address already in use", error.Message);
    }

    [Fact]
    public async Task Chat_UnixDomainSocketOnActorSocketsManager_Serves()
    {
        var path = Path.Combine(Path.GetTempPath(), $"as-chat-{Guid.NewGuid():N}.sock");
        try
        {
            var bindings = await EndpointHost.StartAsync(Sys, [EndpointSettings.Create("unix-chat", "chat", $"path = \"{path}\"\nio-manager = actorsockets")], StartTimeout);
            using var member = await LoopbackClient.ConnectAsync(Assert.Single(bindings).LocalAddress);

            Assert.StartsWith("*** Welcome to the chat, guest-1!", await member.ReadLineAsync(), StringComparison.Ordinal);
            await member.SendAsync("/rooms\n");
            await member.ReadUntilAsync("*** 1 room: lobby (1)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Ok_DualStackHost_ServesIPv4AndIPv6Clients()
    {
        var bindings = await EndpointHost.StartAsync(Sys, [EndpointSettings.Create("ok", "ok", "host = \"::\"\nio-manager = actorsockets")], StartTimeout);
        var port = ((IPEndPoint)Assert.Single(bindings).LocalAddress).Port;

        foreach (var loopback in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
        {
            using var client = await LoopbackClient.ConnectAsync(new IPEndPoint(loopback, port));
            await client.SendAsync("hello");
            Assert.Equal("OK", Encoding.UTF8.GetString(await client.ReceiveOnceAsync()));
        }

        Assert.Equal(AddressFamily.InterNetworkV6, bindings[0].LocalAddress.AddressFamily);
    }
}
