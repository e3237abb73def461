using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors.Internal;

internal static partial class DeadLetterLog
{
    [LoggerMessage(1201, LogLevel.Information, "Message [{MessageType}] from {Sender} to {Recipient} was not delivered. [{Count}] dead letters encountered.")]
    public static partial void DeadLetter(ILogger logger, string messageType, string sender, string recipient, int count);

    [LoggerMessage(1202, LogLevel.Information, "Message [{MessageType}] from {Sender} to {Recipient} was not delivered. [{Count}] dead letters encountered; no more dead letters are logged for {SuspendDuration}.")]
    public static partial void DeadLetterLimitReached(ILogger logger, string messageType, string sender, string recipient, int count, TimeSpan suspendDuration);

    [LoggerMessage(1203, LogLevel.Information, "Message [{MessageType}] from {Sender} to {Recipient} was unhandled. [{Count}] dead letters encountered.")]
    public static partial void Unhandled(ILogger logger, string messageType, string sender, string recipient, int count);

    [LoggerMessage(1204, LogLevel.Information, "Dead-letter logging resumes; {Suppressed} dead letters were not logged while it was paused.")]
    public static partial void Resumed(ILogger logger, int suppressed);
}
