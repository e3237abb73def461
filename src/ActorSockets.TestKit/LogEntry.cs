using Microsoft.Extensions.Logging;

namespace ActorSockets.TestKit;

/// <summary>A log line the actor system wrote during a test.</summary>
/// <param name="Level">Its level.</param>
/// <param name="Category">The logger's category (the actor class or runtime component).</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"[{Level}] {Category}: {Message}{(Exception is null ? "" : $" ({Exception.GetType().Name}: {Exception.Message})")}";
}
