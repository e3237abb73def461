using Serilog.Events;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Log level names as operators write them: Serilog's (<c>Verbose</c> ... <c>Fatal</c>) and
/// Microsoft.Extensions.Logging's (<c>Trace</c>, <c>Critical</c>), plus the usual short forms, case-insensitive.
/// </summary>
internal static class LogLevels
{
    public static bool TryParse(string? text, out LogEventLevel level)
    {
        level = (text ?? string.Empty).Trim().ToUpperInvariant() switch
        {
            "VERBOSE" or "TRACE" => LogEventLevel.Verbose,
            "DEBUG" => LogEventLevel.Debug,
            "INFORMATION" or "INFO" => LogEventLevel.Information,
            "WARNING" or "WARN" => LogEventLevel.Warning,
            "ERROR" => LogEventLevel.Error,
            "FATAL" or "CRITICAL" => LogEventLevel.Fatal,
            _ => (LogEventLevel)(-1),
        };
        return level >= 0;
    }
}
