using System.Diagnostics;
using System.Globalization;

namespace ActorSockets.LoadTool.Internal;

/// <summary>
/// Once a second: aborts connections whose reply is overdue, and writes a progress line with that second's
/// operations per second and p99 (the difference between two snapshots of the running latency totals).
/// </summary>
internal sealed class LoadMonitor(LoadRun run, LoadWorker[] workers, TextWriter? progress)
{
    private volatile string _phase = "ramp";

    public string Phase
    {
        set => _phase = value;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var timeoutTicks = (long)(run.Options.ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        var previous = new LatencyHistogram();
        var current = new LatencyHistogram();
        var previousOperations = 0L;
        var previousTimestamp = started;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = Stopwatch.GetTimestamp();
                foreach (var worker in workers)
                {
                    worker.AbortIfOverdue(now, timeoutTicks);
                }

                if (progress is null)
                {
                    continue;
                }

                var operations = LoadGenerator.SumOperations(workers);
                run.SnapshotLatency(current);
                var second = new LatencyHistogram();
                second.CopyFrom(current);
                second.Subtract(previous);
                var rate = (operations - previousOperations) / Stopwatch.GetElapsedTime(previousTimestamp, now).TotalSeconds;
                progress.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{Stopwatch.GetElapsedTime(started, now).TotalSeconds,6:0.0}s] {_phase,-7} {rate,12:N0} {OperationName(run.Options.Mode)}/s  p99 {LoadReport.FormatNanoseconds(second.ValueAtPercentile(99)),9}  errors {run.TotalErrors()}  open {run.OpenConnections}"));
                (previous, current) = (current, previous);
                previousOperations = operations;
                previousTimestamp = now;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    internal static string OperationName(LoadMode mode) => mode switch
    {
        LoadMode.ConnectStorm => "connects",
        LoadMode.Idle => "opens",
        _ => "round trips",
    };
}
