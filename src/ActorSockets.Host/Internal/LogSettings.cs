using ActorSockets.Hocon;
using Serilog;
using Serilog.Events;

namespace ActorSockets.Host.Internal;

/// <summary>The logging settings, from <c>actorsockets.log</c> (defaults in the host's reference.conf).</summary>
internal sealed record LogSettings
{
    public const string Section = "actorsockets.log";

    public LogEventLevel Level { get; init; } = LogEventLevel.Information;

    /// <summary>Minimum levels by logger category prefix (<c>"ActorSockets.IO" = Debug</c>).</summary>
    public IReadOnlyDictionary<string, LogEventLevel> Overrides { get; init; } = new Dictionary<string, LogEventLevel>();

    public bool FileEnabled { get; init; }

    public string FilePath { get; init; } = "logs/actorsockets-.log";

    public RollingInterval RollingInterval { get; init; } = RollingInterval.Day;

    public int RetainedFiles { get; init; } = 7;

    public static LogSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var overrides = new Dictionary<string, LogEventLevel>(StringComparer.Ordinal);
        foreach (var category in config.GetKeys(Section + ".overrides"))
        {
            overrides[category] = ReadLevel(config, $"{Section}.overrides.{Quote(category)}", $"{Section}.overrides.{category}");
        }

        var retained = config.GetInt(Section + ".file.retained-files");
        if (retained < 1)
        {
            throw new ConfigException($"{Section}.file.retained-files must be at least 1 (it is {retained})");
        }

        return new LogSettings
        {
            Level = ReadLevel(config, Section + ".level", Section + ".level"),
            Overrides = overrides,
            FileEnabled = config.GetBoolean(Section + ".file.enabled"),
            FilePath = config.GetString(Section + ".file.path"),
            RollingInterval = Interval(config.GetString(Section + ".file.rolling-interval")),
            RetainedFiles = retained,
        };
    }

    private static LogEventLevel ReadLevel(Config config, string path, string shownPath)
    {
        var text = config.GetString(path);
        return LogLevels.TryParse(text, out var level)
            ? level
            : throw new ConfigException($"{shownPath} = {text} is not a log level (use Verbose, Debug, Information, Warning, Error or Fatal)");
    }

    private static RollingInterval Interval(string text) => text.Trim().ToUpperInvariant() switch
    {
        "MINUTE" => RollingInterval.Minute,
        "HOUR" => RollingInterval.Hour,
        "DAY" => RollingInterval.Day,
        "MONTH" => RollingInterval.Month,
        "YEAR" => RollingInterval.Year,
        "INFINITE" or "NEVER" => RollingInterval.Infinite,
        _ => throw new ConfigException($"{Section}.file.rolling-interval = {text} is not one of minute, hour, day, month, year, never"),
    };

    private static string Quote(string key) => "\"" + key.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
