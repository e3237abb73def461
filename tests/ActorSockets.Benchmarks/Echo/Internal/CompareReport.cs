using System.Globalization;
using ActorSockets.LoadTool;

namespace ActorSockets.Benchmarks.Echo.Internal;

/// <summary>
/// Turns the runs of a comparison into two tables of medians (loads; idle memory), every figure of every
/// implementation followed by its ratio to the raw baseline's median (and rate and memory by their ratio to Akka.IO's
/// manager's, when it ran), and issue 11's targets checked for every implementation but those two references.
/// </summary>
internal static class CompareReport
{
    public static string Format(
        IReadOnlyList<EchoScenario> scenarios,
        IReadOnlyList<IEchoServerImpl> impls,
        IReadOnlyDictionary<(string Scenario, string Impl), List<RunFigures>> runs,
        IReadOnlyDictionary<(string Scenario, string Impl), int> failures)
    {
        var c = CultureInfo.InvariantCulture;
        var loads = new TextTable("scenario", "impl", "runs", "ops/s", "(x raw)", "(x akka)", "p50", "p99", "p99.9", "CPU µs/op", "(x raw)", "errors", "target");
        var idle = new TextTable("scenario", "impl", "runs", "held", "RSS/conn", "(x raw)", "(x akka)", "heap/conn", "(x raw)", "errors", "target");
        foreach (var scenario in scenarios)
        {
            var baseline = MedianOf(runs, scenario, EchoServerRegistry.BaselineName);
            var akka = MedianOf(runs, scenario, EchoServerRegistry.AkkaName);
            foreach (var impl in impls)
            {
                var failed = failures.GetValueOrDefault((scenario.Name, impl.Name));
                if (!runs.TryGetValue((scenario.Name, impl.Name), out var figures) || figures.Count == 0)
                {
                    if (failed > 0)
                    {
                        (scenario.IsIdle ? idle : loads).Add(scenario.Title, impl.Name, $"0 ({failed} failed)");
                    }

                    continue;
                }

                var median = Median(figures);
                var errors = figures.Sum(f => f.Errors).ToString("N0", c);

                // The baseline and Akka's manager are what the others are measured against: no targets of their own.
                var isReference = impl.Name is EchoServerRegistry.BaselineName or EchoServerRegistry.AkkaName;
                var isBaseline = impl.Name == EchoServerRegistry.BaselineName;
                // Failed runs (a server that did not start or stalled) are left out of the medians but never out of sight.
                var count = figures.Count.ToString(c) + (failed > 0 ? $" ({failed} failed)" : "");
                if (scenario.IsIdle)
                {
                    var memoryRatio = Ratio(median.ResidentBytesPerConnection, baseline?.ResidentBytesPerConnection);
                    var memoryToAkka = Ratio(median.ResidentBytesPerConnection, akka?.ResidentBytesPerConnection);
                    idle.Add(
                        scenario.Title,
                        impl.Name,
                        count,
                        median.ConnectionsHeld.ToString("N0", c),
                        (median.ResidentBytesPerConnection / 1024).ToString("0.00", c) + " KB",
                        FormatRatio(memoryRatio),
                        impl.Name == EchoServerRegistry.AkkaName ? "" : FormatRatio(memoryToAkka),
                        (median.HeapBytesPerConnection / 1024).ToString("0.00", c) + " KB",
                        FormatRatio(Ratio(median.HeapBytesPerConnection, baseline?.HeapBytesPerConnection)),
                        errors,
                        isReference
                            ? ""
                            : Targets(
                                Check("RSS", memoryRatio, scenario.MaxMemoryRatio, atMost: true),
                                Check("RSS", memoryToAkka, scenario.MaxMemoryRatioToAkka, atMost: true, akka is null ? null : "akka")));
                }
                else
                {
                    var rateRatio = Ratio(median.RatePerSecond, baseline?.RatePerSecond);
                    var rateToAkka = Ratio(median.RatePerSecond, akka?.RatePerSecond);
                    var cpuRatio = Ratio(median.CpuSecondsPerOperation, baseline?.CpuSecondsPerOperation);
                    loads.Add(
                        scenario.Title,
                        impl.Name,
                        count,
                        median.RatePerSecond.ToString("N0", c),
                        FormatRatio(rateRatio),
                        impl.Name == EchoServerRegistry.AkkaName ? "" : FormatRatio(rateToAkka),
                        Latency(median.P50Nanoseconds, baseline?.P50Nanoseconds, isBaseline),
                        Latency(median.P99Nanoseconds, baseline?.P99Nanoseconds, isBaseline),
                        Latency(median.P999Nanoseconds, baseline?.P999Nanoseconds, isBaseline),
                        double.IsNaN(median.CpuSecondsPerOperation) ? "n/a" : (median.CpuSecondsPerOperation * 1e6).ToString("0.00", c),
                        FormatRatio(cpuRatio),
                        errors,
                        isReference
                            ? ""
                            : Targets(
                                Check("rate", rateRatio, scenario.MinRateRatio, atMost: false),
                                Check("rate", rateToAkka, scenario.MinRateRatioToAkka, atMost: false, akka is null ? null : "akka"),
                                Check("cpu", cpuRatio, scenario.MaxCpuRatio, atMost: true)));
                }
            }
        }

        var text = new System.Text.StringBuilder();
        if (scenarios.Any(s => !s.IsIdle))
        {
            text.Append(loads);
            text.AppendLine("ops/s: echoed messages per second; in connect-storm, cycles of connect + one verified 64 B round trip + close");
            text.AppendLine("(each accepted and served by the server). CPU: the server's user + system time per op. Latency is the load's view;");
            text.AppendLine("other implementations' latencies carry their ratio to raw's in parentheses. (x akka): the ratio to Akka.IO's manager.");
        }

        if (scenarios.Any(s => s.IsIdle))
        {
            text.AppendLine().Append(idle);
            text.AppendLine("RSS/conn: the server's VmRSS growth (after a forced full collection) divided by the connections held,");
            text.AppendLine("each connection idle after one verified round trip; heap/conn: the same for the managed heap (GC.GetTotalMemory).");
            text.AppendLine("target: issue 11's, for every implementation but the two references (raw, akka); xakka marks a ratio to akka.");
        }

        return text.ToString();
    }

    internal static RunFigures Median(List<RunFigures> figures) => new(
        Median(figures.Select(f => f.RatePerSecond)),
        (long)Median(figures.Select(f => (double)f.P50Nanoseconds)),
        (long)Median(figures.Select(f => (double)f.P99Nanoseconds)),
        (long)Median(figures.Select(f => (double)f.P999Nanoseconds)),
        Median(figures.Select(f => f.CpuSecondsPerOperation)),
        Median(figures.Select(f => f.ResidentBytesPerConnection)),
        Median(figures.Select(f => f.HeapBytesPerConnection)),
        (int)Median(figures.Select(f => (double)f.ConnectionsHeld)),
        figures.Sum(f => f.Errors));

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>A latency, followed for other implementations by its ratio to raw's.</summary>
    private static string Latency(long nanoseconds, long? baseline, bool isBaseline)
    {
        var text = LoadReport.FormatNanoseconds(nanoseconds);
        var ratio = Ratio(nanoseconds, baseline);
        return isBaseline || double.IsNaN(ratio) ? text : $"{text} ({FormatRatio(ratio)})";
    }

    private static double Ratio(double value, double? baseline) =>
        baseline is { } b && b > 0 && !double.IsNaN(value) ? value / b : double.NaN;

    private static string FormatRatio(double ratio) =>
        double.IsNaN(ratio) ? "" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static string Targets(params string[] checks) => string.Join(" ", checks.Where(check => check.Length > 0));

    /// <summary>
    /// One target checked: <paramref name="figure"/>, the bound, then ok or MISSED (? when a figure is missing).
    /// <paramref name="against"/> names the reference when it is not raw; a target against a reference that did not
    /// run (null) is not checked at all.
    /// </summary>
    private static string Check(string figure, double ratio, double? limit, bool atMost, string? against = "raw")
    {
        if (limit is not { } l || against is null)
        {
            return "";
        }

        var bound = (atMost ? "<=" : ">=") + l.ToString("0.##", CultureInfo.InvariantCulture) + (against == "raw" ? "" : "x" + against);
        if (double.IsNaN(ratio))
        {
            return $"{figure}{bound} ?";
        }

        var met = atMost ? ratio <= l : ratio >= l;
        return $"{figure}{bound} {(met ? "ok" : "MISSED")}";
    }

    private static RunFigures? MedianOf(
        IReadOnlyDictionary<(string Scenario, string Impl), List<RunFigures>> runs, EchoScenario scenario, string impl) =>
        runs.TryGetValue((scenario.Name, impl), out var figures) && figures.Count > 0 ? Median(figures) : null;
}
