using Akka.Event;

namespace ActorSockets.Protocols.Internal;

/// <summary>The log lines of <see cref="TcpSession"/>.</summary>
internal static class TcpSessionLog
{
    public static void ConnectionFailed(ILoggingAdapter log, string session, string cause)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Session {Session}: connection failed: {Cause}", session, cause);
        }
    }

    public static void WriteRefused(ILoggingAdapter log, string session) =>
        log.Info("Session {Session}: the peer is not reading and its write queue is full; aborting the connection", session);

    public static void OutboundFull(ILoggingAdapter log, string session, int messages, long bytes) =>
        log.Info("Session {Session}: the peer is not reading ({Messages} writes, {Bytes} bytes waiting); aborting the connection", session, messages, bytes);

    public static void CloseTimedOut(ILoggingAdapter log, string session, TimeSpan timeout)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Session {Session}: the connection did not confirm the close within {Timeout}; stopping", session, timeout);
        }
    }

    /// <summary>The structured session-closed line: the session, its traffic both ways and how long it lasted.</summary>
    public static void Closed(ILoggingAdapter log, string session, long bytesIn, long bytesOut, TimeSpan duration)
    {
        if (log.IsInfoEnabled)
        {
            log.Info("Session {Session} closed after {Duration}: {BytesIn} bytes in, {BytesOut} bytes out", session, duration, bytesIn, bytesOut);
        }
    }
}
