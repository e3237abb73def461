using Akka.Event;

namespace ActorSockets.Protocols.Internal;

/// <summary>
/// The log lines of the chat registry. Nicks and room names are safe to log as they are: they passed
/// <c>ChatNames</c>, so they hold only ASCII letters, digits, '-' and '_'.
/// </summary>
internal static class ChatRegistryLog
{
    public static void Joined(ILoggingAdapter log, string nick, string room, int members) =>
        log.Info("Chat: {Nick} joined {Room} ({Members} online)", nick, room, members);

    public static void Left(ILoggingAdapter log, string nick, string reason, int members) =>
        log.Info("Chat: {Nick} left ({Reason}; {Members} online)", nick, reason, members);

    public static void Renamed(ILoggingAdapter log, string oldNick, string newNick) =>
        log.Info("Chat: {OldNick} is now known as {NewNick}", oldNick, newNick);

    public static void Moved(ILoggingAdapter log, string nick, string room)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Chat: {Nick} moved to {Room}", nick, room);
        }
    }
}
