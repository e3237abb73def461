using System.Net;
using Microsoft.Extensions.Logging;

namespace ActorSockets.IO.Internal;

/// <summary>Log messages of the TCP connection actors. Expected failures are Debug, unexpected ones Error.</summary>
internal static partial class TcpConnectionLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning,
        Message = "Connection {Remote} was not registered within {Timeout}; closing it")]
    public static partial void RegisterTimedOut(ILogger logger, EndPoint remote, TimeSpan timeout);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug,
        Message = "Connection {Remote} was reset by the peer: {Cause}")]
    public static partial void ConnectionReset(ILogger logger, EndPoint remote, string cause);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug,
        Message = "Connection {Remote} operation aborted: {Cause}")]
    public static partial void ConnectionAborted(ILogger logger, EndPoint remote, string cause);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error,
        Message = "Connection {Remote} failed unexpectedly")]
    public static partial void ConnectionFailed(ILogger logger, EndPoint remote, Exception error);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug,
        Message = "Handler of connection {Remote} stopped; closing the connection")]
    public static partial void HandlerStopped(ILogger logger, EndPoint remote);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug,
        Message = "Connect to {Remote} failed: {Cause}")]
    public static partial void ConnectFailed(ILogger logger, EndPoint remote, string cause);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error,
        Message = "Could not apply socket options to connection {Remote}")]
    public static partial void OptionsFailed(ILogger logger, EndPoint remote, Exception error);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information,
        Message = "Close of connection {Remote} timed out after {Timeout} waiting for {WaitedFor}, with up to {UnsentBytes} bytes unsent; resetting it")]
    public static partial void CloseTimedOut(ILogger logger, EndPoint remote, TimeSpan timeout, string waitedFor, long unsentBytes);
}
