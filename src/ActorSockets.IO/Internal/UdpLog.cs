using System.Net;
using Microsoft.Extensions.Logging;

namespace ActorSockets.IO.Internal;

/// <summary>Log messages of the UDP actors.</summary>
internal static partial class UdpLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Could not bind UDP {Endpoint}: {Cause}")]
    public static partial void BindFailed(ILogger logger, EndPoint endpoint, string cause);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning,
        Message = "UDP {Endpoint} dropped a datagram from {From}: {Reason}")]
    public static partial void DatagramDropped(ILogger logger, EndPoint endpoint, string from, string reason);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning,
        Message = "UDP {Endpoint} dropped {Count} more datagrams in the last {Interval} (one from {From}: {Reason})")]
    public static partial void DatagramsDroppedSummary(
        ILogger logger, EndPoint endpoint, long count, TimeSpan interval, string from, string reason);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "UDP {Endpoint} failed; closing it")]
    public static partial void ReceiveFailed(ILogger logger, EndPoint endpoint, Exception error);

    [LoggerMessage(EventId = 303, Level = LogLevel.Debug, Message = "UDP send to {Target} failed: {Cause}")]
    public static partial void SendFailed(ILogger logger, EndPoint target, string cause);
}
