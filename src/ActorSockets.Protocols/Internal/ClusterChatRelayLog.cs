using Akka.Event;

namespace ActorSockets.Protocols.Internal;

/// <summary>The chat relay's log lines (one place for their wording).</summary>
internal static class ClusterChatRelayLog
{
    public static void HostUp(ILoggingAdapter log, string host) =>
        log.Info("Chat: host {0} is up; exchanging members with it", host);

    public static void HostGone(ILoggingAdapter log, string host, string reason) =>
        log.Info("Chat: host {0} is gone ({1}); its members left", host, reason);

    public static void Alone(ILoggingAdapter log) =>
        log.Warning("Chat: this host is no longer in the cluster; serving its own members only");
}
