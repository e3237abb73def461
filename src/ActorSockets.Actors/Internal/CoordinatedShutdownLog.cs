using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors.Internal;

internal static partial class CoordinatedShutdownLog
{
    [LoggerMessage(1301, LogLevel.Information, "Coordinated shutdown started: {Reason}")]
    public static partial void Starting(ILogger logger, string reason);

    [LoggerMessage(1302, LogLevel.Warning, "Coordinated shutdown phase [{Phase}] timed out after {Timeout}; still running: {Tasks}. Continuing with the next phase.")]
    public static partial void PhaseTimedOut(ILogger logger, string phase, TimeSpan timeout, string tasks);

    [LoggerMessage(1303, LogLevel.Warning, "Coordinated shutdown task [{Task}] of phase [{Phase}] failed: {ExceptionType}: {Reason}")]
    public static partial void TaskFailed(ILogger logger, string task, string phase, string exceptionType, string reason, Exception exception);
}
