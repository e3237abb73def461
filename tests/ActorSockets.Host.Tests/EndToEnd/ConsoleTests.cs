using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>The operator typing on the host's terminal, as the tutorials' servers let them reply.</summary>
public sealed class ConsoleTests
{
    [RequiresProgramFact("script", "util-linux, to give the host a terminal")]
    public async Task Console_LineTypedOnTheHostsTerminal_ReachesTheChatLobbyAsServer()
    {
        await using var host = HostProcess.StartOnTerminal(HostProcess.AllOnPortZero);
        await host.WaitReadyAsync();
        await using var member = await TestClient.ConnectAsync(host.Endpoint("chat").EndPoint);
        Assert.StartsWith("*** Welcome to the chat", await member.ReadLineAsync(), StringComparison.Ordinal);

        await host.TypeLineAsync("hello from the operator");

        Assert.Equal("[server] hello from the operator", await member.ReadLineAsync());
    }

    [Fact]
    public async Task Console_NoConsole_TypedLinesAreNotRelayed()
    {
        // Start() passes --no-console and redirects stdin; the line must not reach the lobby, and the
        // member's next line is the one another member says after it.
        await using var host = await HostProcess.StartReadyAsync(HostProcess.AllOnPortZero);
        var endpoint = host.Endpoint("chat").EndPoint;
        await using var member = await TestClient.ConnectAsync(endpoint);
        await member.ReadLineAsync();
        await using var other = await TestClient.ConnectAsync(endpoint);
        await other.ReadLineAsync();
        await member.ReadLineAsync(); // the join notice

        await host.TypeLineAsync("should not be relayed");
        await other.SendAsync("marker\r\n");

        Assert.EndsWith("] marker", await member.ReadLineAsync(), StringComparison.Ordinal);
    }
}
