using ActorSockets.Host.Internal;

namespace ActorSockets.Host.Tests;

public sealed class ShutdownSignalsTests
{
    [Fact]
    public async Task Request_First_CompletesRequested_WithoutExiting()
    {
        var exits = new List<int>();
        using var signals = new ShutdownSignals(exits.Add);

        signals.Request("SIGTERM");

        Assert.Equal("SIGTERM", await signals.Requested.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(exits);
    }

    [Fact]
    public async Task Request_Second_ExitsAtOnce()
    {
        var exits = new List<int>();
        using var signals = new ShutdownSignals(exits.Add);

        signals.Request("SIGINT");
        signals.Request("SIGINT");

        Assert.Equal("SIGINT", await signals.Requested.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal([1], exits);
    }
}
