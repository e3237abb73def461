using System.Net;
using Microsoft.Extensions.Logging;

namespace ActorSockets.IO.Internal;

/// <summary>Log messages of the TCP listener actors.</summary>
internal static partial class TcpListenerLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "Listening on {Endpoint}")]
    public static partial void Bound(ILogger logger, EndPoint endpoint);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Could not bind {Endpoint}: {Cause}")]
    public static partial void BindFailed(ILogger logger, EndPoint endpoint, string cause);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning,
        Message = "Listener {Endpoint} is at max-connections ({MaxConnections}); closed the connection from {Remote}")]
    public static partial void MaxConnectionsReached(ILogger logger, EndPoint endpoint, int maxConnections, EndPoint remote);

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "Accept on {Endpoint} failed; retrying in {Delay}")]
    public static partial void AcceptFailed(ILogger logger, EndPoint endpoint, TimeSpan delay, Exception error);

    [LoggerMessage(EventId = 206, Level = LogLevel.Debug,
        Message = "A client of {Endpoint} went away before its connection was accepted: {Cause}")]
    public static partial void ClientLeftBeforeAccept(ILogger logger, EndPoint endpoint, string cause);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information,
        Message = "The bind handler of {Endpoint} stopped; closing the listener and its connections")]
    public static partial void HandlerStopped(ILogger logger, EndPoint endpoint);

    [LoggerMessage(EventId = 204, Level = LogLevel.Debug, Message = "Unbound {Endpoint}")]
    public static partial void Unbound(ILogger logger, EndPoint endpoint);
}
