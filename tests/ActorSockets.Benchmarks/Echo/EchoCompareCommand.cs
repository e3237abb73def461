using System.Globalization;
using ActorSockets.Benchmarks.Echo.Internal;
using ActorSockets.LoadTool;

namespace ActorSockets.Benchmarks.Echo;

/// <summary>
/// <c>echo-compare</c>: runs every scenario against every echo implementation, the raw baseline first, each
/// implementation in a fresh server process per run and the load in this process, interleaving implementations
/// run by run so drift on the machine hits them alike. Measures operations per second and latency (load side),
/// server CPU seconds per operation (/proc/PID/stat around the measured window) and resident memory per idle
/// connection (VmRSS after a forced collection, before and while the idle connections are held), then prints
/// medians with their ratios to raw.
/// </summary>
public static class EchoCompareCommand
{
    /// <summary>The subcommand's name.</summary>
    public const string Name = "echo-compare";

    /// <summary>File descriptors kept free for everything but the idle connections (runtime, pipes, listener).</summary>
    private const int SpareDescriptors = 256;

    /// <summary>Runs the comparison and prints its tables; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = EchoCompareOptions.Parse(args, out var error);
        if (options is null)
        {
            var writer = error is null ? Console.Out : Console.Error;
            if (error is not null)
            {
                await writer.WriteLineAsync($"echo-compare: {error}");
            }

            await writer.WriteLineAsync(EchoCompareOptions.Usage);
            return error is null ? 0 : 2;
        }

        if (SelectImpls(options, out error) is not { } impls || SelectScenarios(ref options, out error) is not { } scenarios)
        {
            await Console.Error.WriteLineAsync($"echo-compare: {error}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        await Console.Out.WriteLineAsync(Header(options, impls));
        var runs = new Dictionary<(string, string), List<RunFigures>>();
        var failures = new Dictionary<(string, string), int>();
        foreach (var scenario in scenarios)
        {
            for (var run = 1; run <= options.Runs && !cancel.IsCancellationRequested; run++)
            {
                foreach (var impl in impls)
                {
                    if (cancel.IsCancellationRequested)
                    {
                        break;
                    }

                    await Console.Error.WriteAsync($"{scenario.Name} run {run}/{options.Runs} {impl.Name}: ");
                    try
                    {
                        var figures = await RunOnceAsync(scenario, impl, options, cancel.Token);
                        if (cancel.IsCancellationRequested)
                        {
                            // A run cut short by Ctrl+C would skew the medians.
                            await Console.Error.WriteLineAsync("cancelled");
                            break;
                        }

                        if (!runs.TryGetValue((scenario.Name, impl.Name), out var list))
                        {
                            runs[(scenario.Name, impl.Name)] = list = [];
                        }

                        list.Add(figures);
                        await Console.Error.WriteLineAsync(Summary(scenario, figures));
                    }
                    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                    {
                        await Console.Error.WriteLineAsync("cancelled");
                    }
                    catch (Exception e)
                    {
                        // One broken run (a server that does not start, a failed measurement) must not lose the others.
                        failures[(scenario.Name, impl.Name)] = failures.GetValueOrDefault((scenario.Name, impl.Name)) + 1;
                        await Console.Error.WriteLineAsync($"failed: {e.Message}");
                    }
                }
            }
        }

        await Console.Out.WriteLineAsync();
        await Console.Out.WriteAsync(CompareReport.Format(scenarios, impls, runs, failures));
        return failures.Count == 0 && !cancel.IsCancellationRequested ? 0 : 1;
    }

    private static async Task<RunFigures> RunOnceAsync(
        EchoScenario scenario, IEchoServerImpl impl, EchoCompareOptions options, CancellationToken cancellationToken)
    {
        await using var server = await ServerProcess.StartAsync(impl.Name);
        var load = scenario.Load with { Host = "127.0.0.1", Port = server.Port };
        var progress = options.Verbose ? Console.Error : null;
        if (options.Verbose)
        {
            await Console.Error.WriteLineAsync();
        }

        if (scenario.IsIdle)
        {
            // Let the server run its accept and echo paths once, so one-time costs (JIT, pools) are not per connection.
            var warm = load with { Connections = Math.Min(100, load.Connections), Duration = TimeSpan.FromSeconds(0.1) };
            await LoadGenerator.RunAsync(warm, cancellationToken: cancellationToken);
            var before = await server.MemoryAfterCollectionAsync(cancellationToken);
            var held = before;
            var idleHooks = new LoadHooks
            {
                Progress = progress,
                MeasurementStarting = async token => held = await server.MemoryAfterCollectionAsync(token),
            };
            var idle = await LoadGenerator.RunAsync(load, idleHooks, cancellationToken);
            double connections = idle.OpenConnections > 0 ? idle.OpenConnections : double.NaN;
            return new RunFigures(
                0,
                0,
                0,
                0,
                double.NaN,
                (held.Resident - before.Resident) / connections,
                (held.ManagedHeap - before.ManagedHeap) / connections,
                idle.OpenConnections,
                idle.ErrorCount);
        }

        double cpuAtStart = 0;
        double cpuAtEnd = 0;
        var hooks = new LoadHooks
        {
            Progress = progress,
            MeasurementStarting = _ =>
            {
                cpuAtStart = server.CpuSeconds();
                return Task.CompletedTask;
            },
            MeasurementEnded = _ =>
            {
                cpuAtEnd = server.CpuSeconds();
                return Task.CompletedTask;
            },
        };
        var result = await LoadGenerator.RunAsync(load, hooks, cancellationToken);
        if (result.Operations == 0 && !cancellationToken.IsCancellationRequested)
        {
            // Not a slow run but a server that stopped answering: a 0 in the median would hide it.
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"no round trip completed in the measured window: the server stalled ({result.OpenConnections} connections open, {result.ErrorCount} errors){server.ErrorTail()}"));
        }

        var cpuPerOperation = result.Operations > 0 ? (cpuAtEnd - cpuAtStart) / result.Operations : double.NaN;
        var latency = result.Latency;
        return new RunFigures(
            result.OperationsPerSecond,
            latency.ValueAtPercentile(50),
            latency.ValueAtPercentile(99),
            latency.ValueAtPercentile(99.9),
            cpuPerOperation,
            double.NaN,
            double.NaN,
            result.OpenConnections,
            result.ErrorCount);
    }

    private static List<IEchoServerImpl>? SelectImpls(EchoCompareOptions options, out string? error)
    {
        error = null;
        var baseline = EchoServerRegistry.Find(EchoServerRegistry.BaselineName)!;
        if (options.Impls is null)
        {
            return [.. EchoServerRegistry.All.Where(impl => impl.IncludedByDefault || impl == baseline)];
        }

        var selected = new List<IEchoServerImpl> { baseline };
        foreach (var name in options.Impls.Where(n => n != baseline.Name).Distinct())
        {
            if (EchoServerRegistry.Find(name) is not { } impl)
            {
                error = $"no echo implementation called '{name}'; known: {string.Join(", ", EchoServerRegistry.All.Select(i => i.Name))}";
                return null;
            }

            selected.Add(impl);
        }

        return selected;
    }

    private static List<EchoScenario>? SelectScenarios(ref EchoCompareOptions options, out string? error)
    {
        error = null;
        if (options.Scenarios?.Contains("idle") != false && !FitIdleConnections(ref options))
        {
            error = "the open-files limit is too low to hold even one idle connection";
            return null;
        }

        var all = EchoScenario.Create(options);
        if (options.Scenarios is null)
        {
            return [.. all];
        }

        var selected = new List<EchoScenario>();
        foreach (var name in options.Scenarios.Distinct())
        {
            if (all.FirstOrDefault(s => s.Name == name) is not { } scenario)
            {
                error = $"no scenario called '{name}'; known: {EchoScenario.AllNames}";
                return null;
            }

            selected.Add(scenario);
        }

        return selected;
    }

    /// <summary>
    /// This process holds the client side of every idle connection and the server process (which inherits our
    /// limits) the other: both need that many descriptors. The soft limit is raised as far as the hard limit allows;
    /// if that is still short, the idle scenario holds as many connections as fit and says so.
    /// </summary>
    private static bool FitIdleConnections(ref EchoCompareOptions options)
    {
        var soft = OpenFilesLimit.RaiseTo(options.IdleConnections + SpareDescriptors);
        var hard = ProcFs.OpenFilesLimit().Hard;
        var fit = soft - SpareDescriptors;
        if (fit >= options.IdleConnections)
        {
            return true;
        }

        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"echo-compare: the open-files limit ({soft}, hard {hard}) cannot hold {options.IdleConnections} idle connections; holding {Math.Max(0, fit)} (raise it with `ulimit -n {options.IdleConnections + SpareDescriptors}`)"));
        if (fit < 1)
        {
            return false;
        }

        options = options with { IdleConnections = (int)fit };
        return true;
    }

    private static string Header(EchoCompareOptions options, IReadOnlyList<IEchoServerImpl> impls)
    {
        var c = CultureInfo.InvariantCulture;
        var (soft, _) = ProcFs.OpenFilesLimit();
        var lines = new List<string>
        {
            string.Create(c, $"echo-compare {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, open-files limit {soft}, load average {ProcFs.LoadAverage()} (other work on the machine skews every figure)"),
            string.Create(c, $"{options.Runs} run(s) per scenario and impl, {options.Duration.TotalSeconds:0.##} s measured after {options.Warmup.TotalSeconds:0.##} s warmup; figures are medians; (x raw) is the ratio to raw's median"),
        };
        lines.AddRange(impls.Select(impl => $"  {impl.Name,-12} {impl.Description}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Summary(EchoScenario scenario, RunFigures figures)
    {
        var c = CultureInfo.InvariantCulture;
        return scenario.IsIdle
            ? string.Create(c, $"{figures.ConnectionsHeld} held, {figures.ResidentBytesPerConnection / 1024:0.00} KB RSS and {figures.HeapBytesPerConnection / 1024:0.00} KB managed heap per connection, {figures.Errors} errors")
            : string.Create(c, $"{figures.RatePerSecond:N0} ops/s, p99 {LoadReport.FormatNanoseconds(figures.P99Nanoseconds)}, {figures.CpuSecondsPerOperation * 1e6:0.00} µs CPU/op, {figures.Errors} errors");
    }
}
