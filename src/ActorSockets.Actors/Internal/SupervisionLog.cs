using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors.Internal;

internal static partial class SupervisionLog
{
    [LoggerMessage(1101, LogLevel.Error, "{Path} failed ({Directive}): {ExceptionType}: {Reason}")]
    public static partial void ChildFailed(ILogger logger, ActorPath path, Directive directive, string exceptionType, string reason, Exception exception);

    [LoggerMessage(1102, LogLevel.Warning, "{Path} failed and was resumed: {ExceptionType}: {Reason}")]
    public static partial void ChildResumed(ILogger logger, ActorPath path, string exceptionType, string reason, Exception exception);
}
