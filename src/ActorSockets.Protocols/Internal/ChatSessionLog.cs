using ActorSockets.Protocols.Chat;
using Microsoft.Extensions.Logging;

namespace ActorSockets.Protocols.Internal;

/// <summary>The log lines of <see cref="ChatSession"/>.</summary>
internal static partial class ChatSessionLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "Session {Session}: leaving the chat ({Reason})")]
    public static partial void Leaving(ILogger logger, string session, string reason);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Session {Session}: dropped: not reading ({Messages} messages, {Bytes} bytes queued)")]
    public static partial void Dropped(ILogger logger, string session, int messages, long bytes);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Session {Session}: the outbound queue did not drain in time after leaving; aborting")]
    public static partial void DrainTimedOut(ILogger logger, string session);
}
