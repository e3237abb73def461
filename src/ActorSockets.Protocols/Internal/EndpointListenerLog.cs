using System.Net;
using Microsoft.Extensions.Logging;

namespace ActorSockets.Protocols.Internal;

/// <summary>The log lines of <see cref="EndpointListener"/> and <see cref="UdpEndpoint"/>.</summary>
internal static partial class EndpointListenerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Endpoint {Endpoint} ({Protocol}) listening on {Address}")]
    public static partial void Listening(ILogger logger, string endpoint, string protocol, string address);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Endpoint {Endpoint} could not bind {Address}: {Reason}")]
    public static partial void BindFailed(ILogger logger, string endpoint, string address, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Endpoint {Endpoint}: connection #{Count} from {Remote} ({Session}, {Open} open)")]
    public static partial void Accepted(ILogger logger, string endpoint, long count, EndPoint remote, string session, int open);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Endpoint {Endpoint}: refused {Remote}: {Open} connections open, the limit is {Max}")]
    public static partial void Refused(ILogger logger, string endpoint, EndPoint remote, int open, int max);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Endpoint {Endpoint}: {Session} ended ({Open} open)")]
    public static partial void SessionEnded(ILogger logger, string endpoint, string session, int open);


    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Endpoint {Endpoint}: unbound from {Address}")]
    public static partial void Unbound(ILogger logger, string endpoint, string address);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Endpoint {Endpoint}: closing {Open} sessions for shutdown")]
    public static partial void Draining(ILogger logger, string endpoint, int open);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Endpoint {Endpoint}: datagram from {Remote} not answered: {Reason}")]
    public static partial void DatagramNotAnswered(ILogger logger, string endpoint, EndPoint remote, string reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Endpoint {Endpoint}: the listening socket's actor stopped unexpectedly; no new connections are accepted")]
    public static partial void ListenerLost(ILogger logger, string endpoint);
}
