using Microsoft.Extensions.Logging;

namespace ActorSockets.Protocols.Internal;

/// <summary>The log lines of <see cref="TcpSession"/>.</summary>
internal static partial class TcpSessionLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Session {Session}: connection failed: {Cause}")]
    public static partial void ConnectionFailed(ILogger logger, string session, string cause);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Session {Session}: the peer is not reading and its write queue is full; aborting the connection")]
    public static partial void WriteRefused(ILogger logger, string session);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Session {Session}: the connection did not confirm the close within {Timeout}; stopping")]
    public static partial void CloseTimedOut(ILogger logger, string session, TimeSpan timeout);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Session {Session} closed after {Duration}: {BytesIn} bytes in, {BytesOut} bytes out")]
    public static partial void Closed(ILogger logger, string session, long bytesIn, long bytesOut, TimeSpan duration);
}
