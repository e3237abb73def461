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

    public static void CutOff(ILoggingAdapter log, string host, int window) =>
        log.Warning("Chat: host {0} has {1} events unacknowledged; cut off (it misses events) until it catches up", host, window);

    public static void Resumed(ILoggingAdapter log, string host, long missed) =>
        log.Info("Chat: host {0} caught up after missing {1} events; sending it the members again", host, missed);

    public static void Gap(ILoggingAdapter log, string origin, long expected, long got) =>
        log.Warning("Chat: events {0}..{1} from host {2} were lost on the way; asking it for its members again", expected, got - 1, origin);
}
