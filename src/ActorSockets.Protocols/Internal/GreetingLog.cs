using Akka.Event;

namespace ActorSockets.Protocols.Internal;

/// <summary>The log lines of the greeting session.</summary>
internal static class GreetingLog
{
    /// <summary>The tutorial's server prints what the client said; <paramref name="text"/> must be escaped with LogSafe.</summary>
    public static void Received(ILoggingAdapter log, string session, string text) =>
        log.Info("Session {Session}: the client says \"{Text}\"", session, text);
}
