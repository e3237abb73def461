using ActorSockets.Protocols.Framing;

namespace ActorSockets.Protocols.Text;

/// <summary>Human-readable explanations of <see cref="FrameError"/> values, for the error replies sessions send.</summary>
public static class FrameErrorText
{
    /// <summary>
    /// Describes <paramref name="error"/> in a short lower-case phrase, e.g. <c>line too long (max 4096 bytes)</c>.
    /// </summary>
    /// <param name="error">The framing error.</param>
    /// <param name="limit">The limit in bytes that applies (maximum line or frame length), shown for the length errors.</param>
    public static string Describe(FrameError error, int limit) => error switch
    {
        FrameError.LineTooLong => $"line too long (max {limit} bytes)",
        FrameError.FrameTooLong => $"frame too long (max {limit} bytes)",
        FrameError.InvalidUtf8 => "invalid UTF-8, line ignored",
        FrameError.MalformedModifiedUtf8 => "malformed modified UTF-8, frame ignored",
        FrameError.None => "no error",
        _ => "unreadable input",
    };
}
