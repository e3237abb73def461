using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

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

    /// <summary>Real host processes: one alone, or the first forming a cluster and the others seeded with it.</summary>
    private sealed partial class Hosts : IAsyncDisposable
    {
        private readonly List<Process> _processes = [];

        public List<IPEndPoint> ChatEndpoints { get; } = [];

        public static async Task<Hosts> StartAsync(string hostDll, int count, TimeSpan timeout, string? hostSet)
        {
            var hosts = new Hosts();
            try
            {
                string? seed = null;
                for (var i = 0; i < count; i++)
                {
                    var (chat, cluster) = await hosts.StartOneAsync(hostDll, clustered: count > 1, seed, timeout, hostSet);
                    hosts.ChatEndpoints.Add(chat);
                    seed ??= cluster;
                }

                return hosts;
            }
            catch
            {
                await hosts.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in _processes)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                {
                    // Gone already, or the OS reaps it.
                }

                process.Dispose();
            }
        }

        private async Task<(IPEndPoint Chat, string? ClusterSeed)> StartOneAsync(string hostDll, bool clustered, string? seed, TimeSpan timeout, string? hostSet)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            var args = new List<string> { hostDll, "--no-console" };
            foreach (var name in new[] { "ok", "welcome", "greeting", "clock", "hi", "udp-hi", "udp-time" })
            {
                args.AddRange(["--set", $"actorsockets.endpoints.{name}.enabled=off"]);
            }

            // The one speaker must not be slowed by flood control, and members must not be dropped for a burst.
            args.AddRange([
                "--set", "actorsockets.endpoints.chat.port=0",
                "--set", "actorsockets.endpoints.chat.max-connections=100000",
                "--set", "actorsockets.protocols.chat.flood-control.lines-per-second=1000000",
                "--set", "actorsockets.protocols.chat.flood-control.burst=1000000",
                "--set", "actorsockets.protocols.chat.outbound-queue.max-messages=100000",
                "--set", "actorsockets.protocols.chat.outbound-queue.max-bytes=64MiB",
                "--set", "actorsockets.log.level=Warning",
            ]);
            if (hostSet is not null)
            {
                args.AddRange(["--set", hostSet]);
            }

            if (clustered)
            {
                args.AddRange([
                    "--set", "actorsockets.cluster.enabled=on",
                    "--set", "actorsockets.cluster.port=0",
                    "--set", seed is null ? "actorsockets.cluster.seed-nodes=[]" : $"actorsockets.cluster.seed-nodes=[\"{seed}\"]",
                ]);
            }

            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host");
            _processes.Add(process);
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            IPEndPoint? chat = null;
            string? cluster = null;
            using var cancel = new CancellationTokenSource(timeout);
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (EndpointLine().Match(line) is { Success: true } endpoint)
                {
                    chat = IPEndPoint.Parse(endpoint.Groups["address"].Value);
                }
                else if (ClusterLine().Match(line) is { Success: true } address)
                {
                    cluster = address.Groups["seed"].Value;
                }
                else if (line.StartsWith("ActorSockets host ready", StringComparison.Ordinal))
                {
                    break;
                }
            }

            // Keep draining stdout so the host never blocks on a full pipe.
            _ = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is not null)
                {
                }
            });
            return (chat ?? throw new InvalidOperationException("the host printed no chat endpoint"), cluster);
        }

        [GeneratedRegex(@"^  endpoint chat\s+tcp\s+(?<address>\S+)")]
        private static partial Regex EndpointLine();

        [GeneratedRegex(@"^  cluster  \S+@(?<seed>\S+) seeds ")]
        private static partial Regex ClusterLine();
    }

    /// <summary>The speaker and the members, with every member's reader recording when each numbered line arrived.</summary>
    private sealed class Room : IAsyncDisposable
    {
        private readonly List<Socket> _sockets = [];
        private readonly List<Member> _members = [];
        private readonly CancellationTokenSource _stop = new();
        private Socket _speaker = null!;
        private int _round;

        public static async Task<Room> ConnectAsync(Hosts hosts, int members, TimeSpan timeout)
        {
            var room = new Room();
            room._speaker = await ConnectOneAsync(hosts.ChatEndpoints[0]);
            room._sockets.Add(room._speaker);
            _ = DrainAsync(room._speaker, room._stop.Token);
            for (var i = 0; i < members; i++)
            {
                var socket = await ConnectOneAsync(hosts.ChatEndpoints[i % hosts.ChatEndpoints.Count]);
                room._sockets.Add(socket);
                var member = new Member(socket);
                room._members.Add(member);
                _ = member.ReadAsync(room._stop.Token);
            }

            // Until a ping reaches every member, on every host (pub-sub subscriptions travel by gossip).
            var deadline = Stopwatch.StartNew();
            for (var ping = 0; room._members.Any(m => m.Pings == 0); ping++)
            {
                if (deadline.Elapsed > timeout)
                {
                    throw new TimeoutException($"{room._members.Count(m => m.Pings == 0)} members never heard the speaker");
                }

                await room._speaker.SendAsync(Encoding.ASCII.GetBytes($"ping {ping}\n"));
                await Task.Delay(200);
            }

            return room;
        }

        public async Task<Figures> MeasureAsync(int lines, int? rate, TimeSpan timeout)
        {
            var round = ++_round;
            var sent = new long[lines];
            foreach (var member in _members)
            {
                member.Begin(round, lines);
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < lines; i++)
            {
                if (rate is { } perSecond)
                {
                    var due = TimeSpan.FromSeconds((double)i / perSecond);
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed);
                    }
                }

                sent[i] = Stopwatch.GetTimestamp();
                await _speaker.SendAsync(Encoding.ASCII.GetBytes($"m {round} {i}\n"));
            }

            var expected = (long)lines * _members.Count;
            while (_members.Sum(m => m.Received) < expected && clock.Elapsed < timeout)
            {
                await Task.Delay(50);
            }

            var delays = new List<double>(lines);
            long last = 0;
            for (var i = 0; i < lines; i++)
            {
                var arrivals = _members.Select(m => m.Arrival(i)).Where(t => t > 0).ToList();
                if (arrivals.Count > 0)
                {
                    var latest = arrivals.Max();
                    last = Math.Max(last, latest);
                    delays.Add(Stopwatch.GetElapsedTime(sent[i], latest).TotalMilliseconds);
                }
            }

            delays.Sort();
            var received = _members.Sum(m => m.Received);
            var seconds = Stopwatch.GetElapsedTime(sent[0], last == 0 ? Stopwatch.GetTimestamp() : last).TotalSeconds;
            return new Figures(
                received / seconds,
                delays.Count == 0 ? double.NaN : delays[delays.Count / 2],
                delays.Count == 0 ? double.NaN : delays[Math.Min(delays.Count - 1, (int)(delays.Count * 0.99))],
                expected - received,
                _members.Sum(m => m.Duplicated),
                _members.Sum(m => m.Reordered));
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }

            _stop.Dispose();
        }

        private static async Task<Socket> ConnectOneAsync(IPEndPoint endpoint)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endpoint);
            return socket;
        }

        private static async Task DrainAsync(Socket socket, CancellationToken cancel)
        {
            var buffer = new byte[65536];
            try
            {
                while (await socket.ReceiveAsync(buffer, cancel) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }

    /// <summary>One listening member: parses <c>[nick] m ROUND SEQ</c> lines and stamps their arrival.</summary>
    private sealed class Member(Socket socket)
    {
        private long[] _arrivals = [];
        private int _round;
        private long _received;
        private long _next;

        public int Pings { get; private set; }

        public long Received => Interlocked.Read(ref _received);

        public long Duplicated { get; private set; }

        public long Reordered { get; private set; }

        public void Begin(int round, int lines)
        {
            lock (this)
            {
                _arrivals = new long[lines];
                _round = round;
                _next = 0;
                Duplicated = 0;
                Reordered = 0;
                Interlocked.Exchange(ref _received, 0);
            }
        }

        public long Arrival(int seq)
        {
            lock (this)
            {
                return _arrivals[seq];
            }
        }

        public async Task ReadAsync(CancellationToken cancel)
        {
            var buffer = new byte[256 * 1024];
            var pending = new StringBuilder();
            try
            {
                int count;
                while ((count = await socket.ReceiveAsync(buffer, cancel)) > 0)
                {
                    var now = Stopwatch.GetTimestamp();
                    pending.Append(Encoding.UTF8.GetString(buffer, 0, count));
                    var text = pending.ToString();
                    var end = text.LastIndexOf('\n');
                    if (end < 0)
                    {
                        continue;
                    }

                    pending.Clear().Append(text, end + 1, text.Length - end - 1);
                    foreach (var line in text[..end].Split('\n'))
                    {
                        Handle(line.TrimEnd('\r'), now);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        private void Handle(string line, long now)
        {
            var close = line.IndexOf("] ", StringComparison.Ordinal);
            if (!line.StartsWith('[') || close < 0)
            {
                return;
            }

            var words = line[(close + 2)..].Split(' ');
            if (words is ["ping", _])
            {
                Pings++;
                return;
            }

            if (words is not ["m", var round, var seqText] || !long.TryParse(seqText, CultureInfo.InvariantCulture, out var seq))
            {
                return;
            }

            lock (this)
            {
                if (round != _round.ToString(CultureInfo.InvariantCulture) || seq >= _arrivals.Length)
                {
                    return;
                }

                if (_arrivals[seq] != 0)
                {
                    Duplicated++;
                    return;
                }

                if (seq != _next)
                {
                    Reordered++;
                }

                _next = seq + 1;
                _arrivals[seq] = now;
                Interlocked.Increment(ref _received);
            }
        }
    }
}
