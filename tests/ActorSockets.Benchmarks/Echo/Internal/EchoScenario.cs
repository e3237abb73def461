using ActorSockets.LoadTool;

namespace ActorSockets.Benchmarks.Echo.Internal;

/// <summary>
/// One load of the comparison and the targets issue 11 sets for it: as ratios to the raw baseline, a minimum for
/// operations per second, a maximum for server CPU per operation, a maximum for resident memory per idle connection;
/// as ratios to Akka.IO's own manager (<c>akka</c>), a minimum for operations per second and a maximum for resident
/// memory per idle connection.
/// </summary>
internal sealed record EchoScenario(
    string Name,
    string Title,
    LoadOptions Load,
    double? MinRateRatio,
    double? MaxCpuRatio,
    double? MaxMemoryRatio,
    double? MinRateRatioToAkka = null,
    double? MaxMemoryRatioToAkka = null)
{
    public const string AllNames = "echo-100x64, echo-1000x64, echo-100x4k, connect-storm, idle";

    public bool IsIdle => Load.Mode == LoadMode.Idle;

    public static IReadOnlyList<EchoScenario> Create(EchoCompareOptions options)
    {
        var echo = new LoadOptions
        {
            Duration = options.Duration,
            Warmup = options.Warmup,
        };
        return
        [
            new("echo-100x64", "echo 100 conns x 64 B", echo with { Connections = 100, Size = 64 }, 0.9, 1.25, null, 1.2),
            new("echo-1000x64", "echo 1000 conns x 64 B", echo with { Connections = 1000, Size = 64 }, 0.9, 1.25, null, 1.2),
            new("echo-100x4k", "echo 100 conns x 4 KiB", echo with { Connections = 100, Size = 4096 }, 0.9, 1.25, null, 1.2),
            new(
                "connect-storm",
                $"connect-storm {options.StormWorkers} workers",
                echo with { Mode = LoadMode.ConnectStorm, Connections = options.StormWorkers, Size = 64 },
                0.9,
                null,
                null),
            new(
                "idle",
                $"idle {options.IdleConnections} conns",
                echo with { Mode = LoadMode.Idle, Connections = options.IdleConnections, Duration = TimeSpan.FromSeconds(0.1), Warmup = TimeSpan.Zero },
                null,
                null,
                1.3,
                MaxMemoryRatioToAkka: 0.3),
        ];
    }
}
