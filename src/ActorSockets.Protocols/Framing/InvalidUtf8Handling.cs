namespace ActorSockets.Protocols.Framing;

/// <summary>What <see cref="LineFramer"/> does with a line that is not valid UTF-8.</summary>
public enum InvalidUtf8Handling
{
    /// <summary>The line is dropped and a <see cref="FrameError.InvalidUtf8"/> result is produced in its place.</summary>
    Reject = 0,

    /// <summary>Each invalid sequence becomes U+FFFD (the replacement character) and the line is delivered.</summary>
    Replace,
}
