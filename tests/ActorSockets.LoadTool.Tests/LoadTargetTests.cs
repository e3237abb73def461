using System.Net;
using System.Net.Sockets;

namespace ActorSockets.LoadTool.Tests;

public class LoadTargetTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public async Task ResolveAsync_Loopback_IsAllowed(string host)
    {
        var endPoint = await LoadTarget.ResolveAsync(new LoadOptions { Host = host, Port = 9 });

        var ip = Assert.IsType<IPEndPoint>(endPoint);
        Assert.True(IPAddress.IsLoopback(ip.Address));
        Assert.Equal(9, ip.Port);
    }

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("2001:db8::1")]
    public async Task ResolveAsync_NotLoopback_IsRefusedUnlessAllowed(string host)
    {
        var refused = await Assert.ThrowsAsync<LoadTargetException>(
            () => LoadTarget.ResolveAsync(new LoadOptions { Host = host }));
        Assert.Contains("--allow-remote", refused.Message, StringComparison.Ordinal);

        var allowed = await LoadTarget.ResolveAsync(new LoadOptions { Host = host, AllowRemote = true });
        Assert.Equal(IPAddress.Parse(host), Assert.IsType<IPEndPoint>(allowed).Address);
    }

    [Fact]
    public async Task ResolveAsync_UnixPath_GivesAUnixEndPoint()
    {
        var endPoint = await LoadTarget.ResolveAsync(new LoadOptions { UnixPath = "/tmp/x.sock", Host = "192.0.2.10" });

        Assert.IsType<UnixDomainSocketEndPoint>(endPoint);
    }
}
