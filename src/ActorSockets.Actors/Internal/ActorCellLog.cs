using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors.Internal;

internal static partial class ActorCellLog
{
    [LoggerMessage(1001, LogLevel.Error, "{Path} failed while stopping: {ExceptionType}: {Reason}")]
    public static partial void FailureWhileStopping(ILogger logger, ActorPath path, string exceptionType, string reason, Exception exception);

    [LoggerMessage(1002, LogLevel.Error, "{Path} failed again while waiting for its supervisor's decision: {ExceptionType}: {Reason}")]
    public static partial void FailureWhileFailed(ILogger logger, ActorPath path, string exceptionType, string reason, Exception exception);

    [LoggerMessage(1003, LogLevel.Error, "PreRestart of {Path} threw {ExceptionType}: {Reason}; restarting anyway")]
    public static partial void PreRestartFailed(ILogger logger, ActorPath path, string exceptionType, string reason, Exception exception);

    [LoggerMessage(1004, LogLevel.Error, "PostStop of {Path} threw {ExceptionType}: {Reason}")]
    public static partial void PostStopFailed(ILogger logger, ActorPath path, string exceptionType, string reason, Exception exception);

    [LoggerMessage(1005, LogLevel.Debug, "{Path} stopped")]
    public static partial void Stopped(ILogger logger, ActorPath path);

    [LoggerMessage(1006, LogLevel.Debug, "Unhandled message {MessageType} from {Sender} to {Recipient}")]
    public static partial void Unhandled(ILogger logger, string messageType, string sender, ActorPath recipient);

    [LoggerMessage(1007, LogLevel.Error, "A scheduled action threw {ExceptionType}: {Reason}")]
    public static partial void ScheduledActionFailed(ILogger logger, string exceptionType, string reason, Exception exception);

    [LoggerMessage(1008, LogLevel.Error, "The root guardian failed: {ExceptionType}: {Reason}; terminating the actor system")]
    public static partial void RootGuardianFailed(ILogger logger, string exceptionType, string reason, Exception exception);
}
