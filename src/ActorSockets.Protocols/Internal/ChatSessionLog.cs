using ActorSockets.Protocols.Chat;
using Akka.Event;

namespace ActorSockets.Protocols.Internal;

/// <summary>The log lines of <see cref="ChatSession"/>.</summary>
internal static class ChatSessionLog
{
    public static void Leaving(ILoggingAdapter log, string session, string reason)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Session {Session}: leaving the chat ({Reason})", session, reason);
        }
    }

    public static void Dropped(ILoggingAdapter log, string session, int messages, long bytes) =>
        log.Info("Session {Session}: dropped: not reading ({Messages} messages, {Bytes} bytes queued)", session, messages, bytes);

    public static void DrainTimedOut(ILoggingAdapter log, string session) =>
        log.Info("Session {Session}: the outbound queue did not drain in time after leaving; aborting", session);
}
