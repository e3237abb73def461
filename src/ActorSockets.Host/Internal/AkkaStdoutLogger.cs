using Akka.Event;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Akka's "standard out" logger (<c>akka.stdout-logger-class</c>), routed into Serilog. Akka writes to it
/// before the configured loggers have started and after they have stopped, and its built-in one prints
/// raw multi-line text to the console. This one hands each event to the same Serilog logger as
/// everything else, so those few events too are one escaped line in the same sinks.
/// </summary>
/// <remarks>Akka creates it by type name, with its public parameterless constructor.</remarks>
internal sealed class AkkaStdoutLogger : MinimalLogger
{
    /// <summary>The assembly-qualified name <c>akka.stdout-logger-class</c> names.</summary>
    public static string TypeName => typeof(AkkaStdoutLogger).FullName + ", " + typeof(AkkaStdoutLogger).Assembly.GetName().Name;

    protected override void Log(object message)
    {
        if (message is not Akka.Event.LogEvent logEvent)
        {
            Serilog.Log.Logger.ForContext(Constants.SourceContextPropertyName, "Akka").Information("{Message:l}", message.ToString());
            return;
        }

        var level = logEvent.LogLevel() switch
        {
            LogLevel.DebugLevel => LogEventLevel.Debug,
            LogLevel.InfoLevel => LogEventLevel.Information,
            LogLevel.WarningLevel => LogEventLevel.Warning,
            _ => LogEventLevel.Error,
        };
        var logger = Serilog.Log.Logger.ForContext(Constants.SourceContextPropertyName, logEvent.LogClass?.FullName ?? "Akka");
        if (logger.IsEnabled(level))
        {
            logger.Write(level, logEvent.Cause, "{Message:l}", logEvent.Message?.ToString() ?? string.Empty);
        }
    }
}
