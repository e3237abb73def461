using System.Net;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>The log lines of TCP listeners, as Akka message templates.</summary>
internal static class TcpListenerLog
{
    public static void Bound(ILoggingAdapter log, EndPoint endpoint)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Listening on {Endpoint}", endpoint);
        }
    }

    public static void BindFailed(ILoggingAdapter log, EndPoint endpoint, string cause) =>
        log.Warning("Could not bind {Endpoint}: {Cause}", endpoint, cause);

    public static void MaxConnectionsReached(ILoggingAdapter log, EndPoint endpoint, int maxConnections, EndPoint remote) =>
        log.Warning(
            "Listener {Endpoint} is at max-connections ({MaxConnections}); closed the connection from {Remote}",
            endpoint, maxConnections, remote);

    public static void AcceptFailed(ILoggingAdapter log, EndPoint endpoint, TimeSpan delay, Exception error) =>
        log.Error(error, "Accept on {Endpoint} failed; retrying in {Delay}", endpoint, delay);

    public static void ClientLeftBeforeAccept(ILoggingAdapter log, EndPoint endpoint, string cause)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("A client of {Endpoint} went away before its connection was accepted: {Cause}", endpoint, cause);
        }
    }

    public static void HandlerStopped(ILoggingAdapter log, EndPoint endpoint) =>
        log.Info("The bind handler of {Endpoint} stopped; closing the listener and its connections", endpoint);

    public static void Unbound(ILoggingAdapter log, EndPoint endpoint)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Unbound {Endpoint}", endpoint);
        }
    }
}
