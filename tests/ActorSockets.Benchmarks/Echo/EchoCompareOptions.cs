using System.Globalization;

namespace ActorSockets.Benchmarks.Echo;

/// <summary>The settings of one <c>echo-compare</c> run.</summary>
public sealed record EchoCompareOptions
{
    /// <summary>Gets how many times each scenario runs against each implementation. Defaults to 3.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Gets the measured duration of each load scenario. Defaults to 5 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the warmup before each measurement. Defaults to 1 s.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the implementations to compare; the baseline is always included. Defaults to every registered one.</summary>
    public IReadOnlyList<string>? Impls { get; init; }

    /// <summary>Gets the scenarios to run. Defaults to all of them.</summary>
    public IReadOnlyList<string>? Scenarios { get; init; }

    /// <summary>Gets the number of connections held open in the idle scenario. Defaults to 10,000.</summary>
    public int IdleConnections { get; init; } = 10_000;

    /// <summary>Gets the number of concurrent workers in the connect-storm scenario. Defaults to 50.</summary>
    public int StormWorkers { get; init; } = 50;

    /// <summary>Gets whether the load's per-second progress lines are shown. Defaults to false.</summary>
    public bool Verbose { get; init; }

    internal const string Usage = """
        usage: ActorSockets.Benchmarks echo-compare [options]

        Runs every scenario against every echo implementation (each server a separate process, the load in this one)
        and prints medians with their ratio to the raw baseline and to Akka.IO's manager (akka), checking issue 11's
        targets for every implementation but those two.

          --runs N               runs per scenario and implementation (default 3)
          --seconds S            measured seconds per run (default 5)
          --warmup S             warmup seconds before measuring (default 1)
          --impls A,B            implementations to compare (default all but raw-direct: raw, raw-copy, akka,
                                 actorsockets; raw, the baseline, is always included)
          --scenarios A,B        scenarios to run (default all: echo-100x64, echo-1000x64, echo-100x4k, connect-storm, idle)
          --idle-connections N   connections held open in the idle scenario (default 10000)
          --storm-workers N      concurrent workers in connect-storm (default 50)
          --verbose              show the load's progress lines
        """;

    internal static EchoCompareOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new EchoCompareOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (name is "--verbose")
            {
                options = options with { Verbose = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--runs" when Whole(value, 1, 100) is { } runs:
                    options = options with { Runs = runs };
                    break;
                case "--seconds" when Seconds(value) is { } seconds && seconds > TimeSpan.Zero:
                    options = options with { Duration = seconds };
                    break;
                case "--warmup" when Seconds(value) is { } seconds:
                    options = options with { Warmup = seconds };
                    break;
                case "--impls":
                    options = options with { Impls = List(value) };
                    break;
                case "--scenarios":
                    options = options with { Scenarios = List(value) };
                    break;
                case "--idle-connections" when Whole(value, 1, 100_000) is { } idle:
                    options = options with { IdleConnections = idle };
                    break;
                case "--storm-workers" when Whole(value, 1, 10_000) is { } workers:
                    options = options with { StormWorkers = workers };
                    break;
                default:
                    error = $"bad argument '{name} {value}'";
                    return null;
            }
        }

        return options;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int? Whole(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result) && result >= min && result <= max
            ? result
            : null;

    private static TimeSpan? Seconds(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
