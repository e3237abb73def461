using Microsoft.Extensions.Logging;

namespace ActorSockets.Protocols.Internal;

/// <summary>
/// The log lines of the chat registry. Nicks and room names are safe to log as they are: they passed
/// <c>ChatNames</c>, so they hold only ASCII letters, digits, '-' and '_'.
/// </summary>
internal static partial class ChatRegistryLog
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Chat: {Nick} joined {Room} ({Members} online)")]
    public static partial void Joined(ILogger logger, string nick, string room, int members);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "Chat: {Nick} left ({Reason}; {Members} online)")]
    public static partial void Left(ILogger logger, string nick, string reason, int members);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information, Message = "Chat: {OldNick} is now known as {NewNick}")]
    public static partial void Renamed(ILogger logger, string oldNick, string newNick);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Debug, Message = "Chat: {Nick} moved to {Room}")]
    public static partial void Moved(ILogger logger, string nick, string room);
}
