using System.Globalization;

namespace ActorSockets.Benchmarks.Cluster;

/// <summary>
/// The <c>cluster-fanout</c> subcommand (issue 13): one speaker and M members in one room over real host processes
/// on loopback, one host against three clustered hosts (members spread round-robin, the speaker on the first),
/// interleaved run by run. Per scenario (paced lines, a burst) it reports deliveries/s and the p50/p99 delay from a
/// line's send to its last delivery, and counts lost, duplicated and out-of-order deliveries, which must be 0.
/// </summary>
public static partial class ClusterFanoutCommand
{
    /// <summary>The subcommand's name.</summary>
    public const string Name = "cluster-fanout";

    private const string Usage = "usage: cluster-fanout --host PATH/ActorSockets.Host.dll [--members 1000] [--runs 3] [--paced 100] [--rates 20,200] [--burst 1000] [--timeout 60] [--host-set KEY=VALUE]";

    /// <summary>Gets whether <paramref name="args"/> name this subcommand.</summary>
    public static bool Handles(IReadOnlyList<string> args) => args is [Name, ..];

    /// <summary>Runs the benchmark and returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Count; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (!options.TryGetValue("--host", out var hostDll) || !File.Exists(hostDll) || args.Count % 2 == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        int Int(string key, int fallback) => options.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var members = Int("--members", 1000);
        var runs = Int("--runs", 3);
        var paced = Int("--paced", 100);
        var burst = Int("--burst", 1000);
        var timeout = TimeSpan.FromSeconds(Int("--timeout", 60));
        var hostSet = options.TryGetValue("--host-set", out var extra) ? extra : null;
        var rates = (options.TryGetValue("--rates", out var r) ? r : "20,200").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();

        var scenarios = rates.Select(rate => (Name: $"paced {paced} lines at {rate}/s", Lines: paced, Rate: (int?)rate))
            .Append((Name: $"burst of {burst} lines", Lines: burst, Rate: (int?)null))
            .ToList();
        var results = new Dictionary<(int Hosts, string Scenario), List<Figures>>();
        Console.WriteLine($"cluster-fanout: {members} members, {runs} runs, 1 vs 3 hosts interleaved ({Environment.ProcessorCount} cores, load {LoadAverage()})");
        for (var run = 1; run <= runs; run++)
        {
            foreach (var hosts in new[] { 1, 3 })
            {
                await using var cluster = await Hosts.StartAsync(hostDll, hosts, timeout, hostSet);
                await using var room = await Room.ConnectAsync(cluster, members, timeout);

                // Not reported: the first lines through a new host process run its relay's and sessions' code cold
                // (JIT) while the cluster's gossip is still settling; the scenarios measure the warm chat.
                await room.MeasureAsync(200, 200, timeout);
                foreach (var scenario in scenarios)
                {
                    var figures = await room.MeasureAsync(scenario.Lines, scenario.Rate, timeout);
                    Console.WriteLine($"  run {run} hosts {hosts} {scenario.Name}: {figures}");
                    (results.TryGetValue((hosts, scenario.Name), out var list) ? list : results[(hosts, scenario.Name)] = []).Add(figures);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| scenario | 1 host deliveries/s | 3 hosts deliveries/s | 3 vs 1 | 1 host p99 ms | 3 hosts p99 ms | p99 added ms | lost/dup/reordered (1 / 3) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var scenario in scenarios)
        {
            var one = results[(1, scenario.Name)];
            var three = results[(3, scenario.Name)];
            double Median(IEnumerable<double> xs)
            {
                var sorted = xs.Order().ToArray();
                return sorted[sorted.Length / 2];
            }

            var rate1 = Median(one.Select(f => f.DeliveriesPerSecond));
            var rate3 = Median(three.Select(f => f.DeliveriesPerSecond));
            var p991 = Median(one.Select(f => f.P99Ms));
            var p993 = Median(three.Select(f => f.P99Ms));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {rate1:N0} | {rate3:N0} | {rate3 / rate1:F2}x | {p991:F1} | {p993:F1} | {p993 - p991:F1} | {one.Sum(f => f.Faults)} / {three.Sum(f => f.Faults)} |"));
        }

        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>One scenario's figures: deliveries/s over the whole scenario, per-line last-delivery delays, faults.</summary>
    private sealed record Figures(double DeliveriesPerSecond, double P50Ms, double P99Ms, long Lost, long Duplicated, long Reordered)
    {
        public long Faults => Lost + Duplicated + Reordered;

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{DeliveriesPerSecond:N0} deliveries/s, p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms, lost {Lost}, duplicated {Duplicated}, reordered {Reordered}");
    }
}
