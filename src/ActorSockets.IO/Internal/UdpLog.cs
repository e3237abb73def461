using System.Net;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>The log lines of UDP sockets, as Akka message templates.</summary>
internal static class UdpLog
{
    public static void BindFailed(ILoggingAdapter log, EndPoint endpoint, string cause) =>
        log.Warning("Could not bind UDP {Endpoint}: {Cause}", endpoint, cause);

    public static void DatagramDropped(ILoggingAdapter log, EndPoint endpoint, string from, string reason) =>
        log.Warning("UDP {Endpoint} dropped a datagram from {From}: {Reason}", endpoint, from, reason);

    public static void DatagramsDroppedSummary(
        ILoggingAdapter log, EndPoint endpoint, long count, TimeSpan interval, string from, string reason) =>
        log.Warning(
            "UDP {Endpoint} dropped {Count} more datagrams in the last {Interval} (one from {From}: {Reason})",
            endpoint, count, interval, from, reason);

    public static void ReceiveFailed(ILoggingAdapter log, EndPoint endpoint, Exception error) =>
        log.Error(error, "UDP {Endpoint} failed; closing it", endpoint);

    public static void SendFailed(ILoggingAdapter log, EndPoint target, string cause)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("UDP send to {Target} failed: {Cause}", target, cause);
        }
    }
}
