using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Builds the Serilog logger the whole process logs through: the console sink (stdout, one escaped
/// line per event, see <see cref="SafeLineFormatter"/>) and the optional rolling file sink.
/// Standard error stays reserved for the one-line startup errors and usage. Akka's own events reach the
/// same logger through Akka.Logger.Serilog, which writes to <see cref="Log.Logger"/>.
/// </summary>
internal static class HostLogging
{
    public static Logger CreateLogger(LogSettings settings, LogEventLevel? levelOverride)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var level = levelOverride ?? settings.Level;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .Enrich.FromLogContext()
            // A failed endpoint start is reported once, as the one line on standard error; the hosting
            // library would also log it, with its stack trace, as "Hosting failed to start".
            .Filter.ByExcluding(e => e.Exception is ActorSockets.Protocols.EndpointStartException);
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
