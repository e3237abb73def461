using Microsoft.Extensions.Logging;

namespace ActorSockets.Host.Internal;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Shutting down on {Signal} (at most {TimeoutSeconds} s); a second signal exits at once")]
    public static partial void ShuttingDown(ILogger logger, string signal, double timeoutSeconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Stopped in {DurationMs} ms")]
    public static partial void Stopped(ILogger logger, long durationMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Shutdown did not finish within {TimeoutSeconds} s; exiting anyway")]
    public static partial void ShutdownTimedOut(ILogger logger, double timeoutSeconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "The actor system terminated by itself; exiting")]
    public static partial void SystemTerminated(ILogger logger);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "A console line could not be relayed to the chat")]
    public static partial void ConsoleRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Shutdown failed; exiting anyway")]
    public static partial void ShutdownFailed(ILogger logger, Exception exception);
}
