using System.Diagnostics;
using ActorSockets.LoadTool.Internal;

namespace ActorSockets.LoadTool;

/// <summary>
/// Runs one load: opens the connections with bounded concurrency, lets the load warm up, measures for the configured
/// duration, then stops every worker and closes every socket. Every phase is bounded in time.
/// </summary>
public static class LoadGenerator
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    /// <summary>Runs the load <paramref name="options"/> describe and returns its figures.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="hooks">Progress output and measurement callbacks; none by default.</param>
    /// <param name="cancellationToken">Ends the run early; the figures then cover the part that ran.</param>
    /// <exception cref="LoadTargetException">The target cannot or may not be used.</exception>
    public static Task<LoadResult> RunAsync(
        LoadOptions options, LoadHooks? hooks = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Off the caller's synchronization context (a test runner's or a UI's): the timing of the phases must not
        // wait for a context that is busy with something else.
        return Task.Run(() => RunCoreAsync(options, hooks ?? new LoadHooks(), cancellationToken), CancellationToken.None);
    }

    private static async Task<LoadResult> RunCoreAsync(LoadOptions options, LoadHooks hooks, CancellationToken cancellationToken)
    {
        var target = await LoadTarget.ResolveAsync(options, cancellationToken);
        var rampSteps = options.Mode == LoadMode.ConnectStorm ? 0 : options.Connections;
        var run = new LoadRun(options, target, rampSteps);
        var workers = new LoadWorker[options.Connections];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = options.Mode switch
            {
                LoadMode.Echo => new EchoWorker(run, i),
                LoadMode.ConnectStorm => new ConnectStormWorker(run, i),
                _ => new IdleWorker(run, i),
            };
        }

        var monitor = new LoadMonitor(run, workers, hooks.Progress);
        using var stopMonitor = new CancellationTokenSource();
        var monitoring = monitor.RunAsync(stopMonitor.Token);
        var tasks = Array.ConvertAll(workers, worker => Task.Run(worker.RunAsync, CancellationToken.None));
        try
        {
            var window = await MeasureAsync(run, workers, monitor, hooks, cancellationToken);
            return new LoadResult
            {
                Options = options,
                Measured = window.Duration,
                Operations = window.Operations,
                Latency = window.Latency,
                BytesVerified = SumBytesVerified(workers),
                Errors = run.ErrorsByKind(),
                FirstErrorMessages = run.FirstErrorMessages(),
                OpenConnections = window.OpenAtEnd,
            };
        }
        finally
        {
            // Whatever happened (a hook that threw included), every worker stops and every socket is closed.
            monitor.Phase = "stop";
            await StopAsync(run, workers, tasks);
            await stopMonitor.CancelAsync();
            await monitoring;
        }
    }

    /// <summary>Waits out the ramp and the warmup, then measures; a cancellation ends the window early.</summary>
    private static async Task<MeasuredWindow> MeasureAsync(
        LoadRun run, LoadWorker[] workers, LoadMonitor monitor, LoadHooks hooks, CancellationToken cancellationToken)
    {
        var options = run.Options;
        var startSnapshot = new LatencyHistogram();
        var endSnapshot = new LatencyHistogram();
        long startOperations = 0;
        long startTimestamp = 0;
        try
        {
            var rampLimit = (options.ConnectTimeout * (((options.Connections - 1) / options.RampConcurrency) + 2))
                + TimeSpan.FromSeconds(5);
            try
            {
                await run.RampDone.WaitAsync(rampLimit, cancellationToken);
            }
            catch (TimeoutException)
            {
                hooks.Progress?.WriteLine($"opening connections took over {rampLimit.TotalSeconds:0} s; measuring anyway");
            }

            monitor.Phase = "warmup";
            await Task.Delay(options.Warmup, cancellationToken);
            if (hooks.MeasurementStarting is { } starting)
            {
                await starting(cancellationToken);
            }

            startTimestamp = Stopwatch.GetTimestamp();
            startOperations = SumOperations(workers);
            run.SnapshotLatency(startSnapshot);
            monitor.Phase = "measure";
            await Task.Delay(options.Duration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            hooks.Progress?.WriteLine("cancelled; reporting what ran");
        }

        var endTimestamp = Stopwatch.GetTimestamp();
        var endOperations = SumOperations(workers);
        run.SnapshotLatency(endSnapshot);
        if (startTimestamp == 0)
        {
            startTimestamp = endTimestamp;
            startOperations = endOperations;
            startSnapshot.CopyFrom(endSnapshot);
        }

        var openAtEnd = run.OpenConnections;
        if (hooks.MeasurementEnded is { } ended && !cancellationToken.IsCancellationRequested)
        {
            await ended(cancellationToken);
        }

        endSnapshot.Subtract(startSnapshot);
        return new MeasuredWindow(
            Stopwatch.GetElapsedTime(startTimestamp, endTimestamp), endOperations - startOperations, endSnapshot, openAtEnd);
    }

    private static async Task StopAsync(LoadRun run, LoadWorker[] workers, Task[] tasks)
    {
        run.Stop();
        foreach (var worker in workers)
        {
            worker.OnStopping();
        }

        var all = Task.WhenAll(tasks);
        if (await Task.WhenAny(all, Task.Delay(StopGrace)) != all)
        {
            // A round trip still in flight after the grace period is abandoned: its socket is closed under it.
            foreach (var worker in workers)
            {
                worker.Abort();
            }
        }

        await all;
    }

    internal static long SumOperations(LoadWorker[] workers)
    {
        long total = 0;
        foreach (var worker in workers)
        {
            total += worker.Operations;
        }

        return total;
    }

    private static long SumBytesVerified(LoadWorker[] workers)
    {
        long total = 0;
        foreach (var worker in workers)
        {
            total += worker.BytesVerified;
        }

        return total;
    }

    private sealed record MeasuredWindow(TimeSpan Duration, long Operations, LatencyHistogram Latency, int OpenAtEnd);
}
