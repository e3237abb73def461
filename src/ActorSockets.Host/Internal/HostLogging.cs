using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Builds the Serilog logger the whole process logs through: the console sink (stdout, one escaped
/// line per event, see <see cref="SafeLineFormatter"/>) and the optional rolling file sink.
/// Standard error stays reserved for the one-line startup errors and usage.
/// </summary>
internal static class HostLogging
{
    public static Logger CreateLogger(LogSettings settings, LogEventLevel? levelOverride)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var level = levelOverride ?? settings.Level;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .Enrich.FromLogContext();
        foreach (var (category, categoryLevel) in settings.Overrides)
        {
            configuration = configuration.MinimumLevel.Override(category, categoryLevel);
        }

        var formatter = new SafeLineFormatter();
        configuration = configuration.WriteTo.Console(formatter);
        if (settings.FileEnabled)
        {
            configuration = configuration.WriteTo.File(
                formatter,
                settings.FilePath,
                rollingInterval: settings.RollingInterval,
                retainedFileCountLimit: settings.RetainedFiles);
        }

        return configuration.CreateLogger();
    }
}
