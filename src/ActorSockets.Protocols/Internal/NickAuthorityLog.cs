using Akka.Event;

namespace ActorSockets.Protocols.Internal;

/// <summary>The nick authority's log lines (one place for their wording).</summary>
internal static class NickAuthorityLog
{
    public static void CensusIncomplete(ILoggingAdapter log, int silent, int reported) =>
        log.Warning(
            "Chat: the nick authority serves without the nicks of {0} host(s) that did not answer in time ({1} did); a clash with them is settled after the fact",
            silent, reported);
}
