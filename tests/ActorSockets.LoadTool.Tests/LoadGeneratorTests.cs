using System.Net.Sockets;

namespace ActorSockets.LoadTool.Tests;

public class LoadGeneratorTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_Echo_CompletesVerifiedRoundTripsWithoutErrors()
    {
        await using var server = new TestEchoServer();
        var options = Options(server.Port) with { Connections = 20, Pipeline = 3, Size = 100 };

        var result = await LoadGenerator.RunAsync(options).WaitAsync(TestTimeout);

        Assert.Empty(result.Errors);
        Assert.True(result.Operations > 0);
        // Latency is recorded as bytes arrive and operations once verified, and the two totals are read one after the
        // other, so the window's edges may split a few round trips; every round trip must still have one sample.
        // (Recording once per round trip instead of once per message would give a third of the operations.)
        Assert.InRange(result.Latency.TotalCount, (result.Operations * 0.8) - 200, (result.Operations * 1.2) + 200);
        Assert.True(result.BytesVerified >= result.Operations * 100);
        Assert.Equal(0, result.BytesVerified % 300);
        Assert.Equal(20, result.OpenConnections);
        Assert.True(result.Latency.ValueAtPercentile(50) > 0);
    }

    [Fact]
    public async Task RunAsync_CorruptedEchoes_AreCountedAsMismatches()
    {
        await using var server = new TestEchoServer(TestEchoServer.Behaviour.FlipLastByteOfEveryThirdRead);

        var result = await LoadGenerator.RunAsync(Options(server.Port) with { Connections = 4 }).WaitAsync(TestTimeout);

        Assert.True(result.Mismatches > 0);
        Assert.Equal(result.Mismatches, result.ErrorCount);
    }

    [Fact]
    public async Task RunAsync_ServerClosesMidReply_CountsPeerClosed()
    {
        await using var server = new TestEchoServer(TestEchoServer.Behaviour.CloseAfterFirstRead);

        var result = await LoadGenerator.RunAsync(Options(server.Port) with { Connections = 2 }).WaitAsync(TestTimeout);

        Assert.True(result.Errors.ContainsKey(LoadErrorKind.PeerClosed) || result.Errors.ContainsKey(LoadErrorKind.Reset));
        Assert.Equal(0, result.Operations);
    }

    [Fact]
    public async Task RunAsync_SilentServer_AbortsOverdueRepliesAndStops()
    {
        await using var server = new TestEchoServer(TestEchoServer.Behaviour.Silent);
        var options = Options(server.Port) with
        {
            Connections = 2,
            ReplyTimeout = TimeSpan.FromSeconds(1),
            Duration = TimeSpan.FromSeconds(2.5),
        };

        var result = await LoadGenerator.RunAsync(options).WaitAsync(TestTimeout);

        Assert.True(result.Errors.GetValueOrDefault(LoadErrorKind.ReplyTimeout) >= 2);
        Assert.Equal(0, result.Operations);
    }

    [Fact]
    public async Task RunAsync_NobodyListening_CountsRefusedConnects()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            port = ((System.Net.IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var result = await LoadGenerator.RunAsync(Options(port) with { Connections = 2 }).WaitAsync(TestTimeout);

        Assert.True(result.Errors.GetValueOrDefault(LoadErrorKind.ConnectRefused) >= 2);
        Assert.Equal(0, result.OpenConnections);
    }

    [Fact]
    public async Task RunAsync_ConnectStorm_CountsCompletedConnects()
    {
        await using var server = new TestEchoServer();

        var result = await LoadGenerator.RunAsync(Options(server.Port) with { Mode = LoadMode.ConnectStorm, Connections = 4 })
            .WaitAsync(TestTimeout);

        Assert.Empty(result.Errors);
        Assert.True(result.Operations > 0, $"no connects in {result.Measured}; {result.BytesVerified} bytes verified, {result.OpenConnections} open");
        Assert.True(result.BytesVerified >= result.Operations * 64);
    }

    [Fact]
    public async Task RunAsync_Idle_HoldsEveryConnectionUntilTheWindowCloses()
    {
        await using var server = new TestEchoServer();
        var openDuringWindow = -1;
        var hooks = new LoadHooks
        {
            MeasurementStarting = _ =>
            {
                openDuringWindow = 1;
                return Task.CompletedTask;
            },
        };

        var result = await LoadGenerator.RunAsync(Options(server.Port) with { Mode = LoadMode.Idle, Connections = 50 }, hooks)
            .WaitAsync(TestTimeout);

        Assert.Equal(1, openDuringWindow);
        Assert.Empty(result.Errors);
        Assert.Equal(50, result.OpenConnections);
        Assert.Equal(50 * 64, result.BytesVerified);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReportsWhatRan()
    {
        await using var server = new TestEchoServer();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var options = Options(server.Port) with { Duration = TimeSpan.FromSeconds(60) };

        var result = await LoadGenerator.RunAsync(options, cancellationToken: cancel.Token).WaitAsync(TestTimeout);

        Assert.True(result.Measured < TimeSpan.FromSeconds(10));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileConnectsHang_StopsWithoutWaitingForTheConnectTimeout()
    {
        // A listener that never accepts: once its small queue is full, further connects get no answer.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        listener.Listen(1);
        var port = ((System.Net.IPEndPoint)listener.LocalEndPoint!).Port;
        var options = Options(port) with { Connections = 40, RampConcurrency = 4, ConnectTimeout = TimeSpan.FromSeconds(60) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await LoadGenerator.RunAsync(options, cancellationToken: cancel.Token).WaitAsync(TestTimeout);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {started.Elapsed}");
        Assert.False(result.Errors.ContainsKey(LoadErrorKind.ConnectTimeout));
        Assert.Equal(0, result.Operations);
    }

    [Fact]
    public async Task RunAsync_HookThrows_StillClosesEveryConnection()
    {
        await using var server = new TestEchoServer();
        var hooks = new LoadHooks { MeasurementStarting = _ => throw new InvalidOperationException("measuring failed") };

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => LoadGenerator.RunAsync(Options(server.Port) with { Mode = LoadMode.Idle, Connections = 20 }, hooks).WaitAsync(TestTimeout));

        Assert.Equal("measuring failed", thrown.Message);
        await server.AssertAllConnectionsClosedAsync(TestTimeout);
    }

    private static LoadOptions Options(int port) => new()
    {
        Port = port,
        Connections = 10,
        Duration = TimeSpan.FromSeconds(0.5),
        Warmup = TimeSpan.Zero,
        ConnectTimeout = TimeSpan.FromSeconds(2),
    };
}
