using Microsoft.Extensions.Logging;

namespace ActorSockets.Protocols.Internal;

/// <summary>The log lines of the greeting session.</summary>
internal static partial class GreetingLog
{
    /// <summary>The tutorial's server prints what the client said; <paramref name="text"/> must be escaped with LogSafe.</summary>
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Session {Session}: the client says \"{Text}\"")]
    public static partial void Received(ILogger logger, string session, string text);
}
