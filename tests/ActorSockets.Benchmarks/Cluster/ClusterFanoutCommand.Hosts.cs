using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace ActorSockets.Benchmarks.Cluster;

public static partial class ClusterFanoutCommand
{
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
}
