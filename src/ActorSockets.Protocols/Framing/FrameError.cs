namespace ActorSockets.Protocols.Framing;

/// <summary>Why a frame decoder rejected part of its input. Every error is local to one frame: the decoder carries on.</summary>
public enum FrameError
{
    /// <summary>No error: the result holds a frame.</summary>
    None = 0,

    /// <summary>
    /// A line exceeded the framer's maximum length. Its bytes were discarded, not buffered, up to and including
    /// the next line terminator.
    /// </summary>
    LineTooLong,

    /// <summary>A line was not valid UTF-8 and the framer was configured to reject such lines.</summary>
    InvalidUtf8,

    /// <summary>A length-prefixed frame announced more bytes than the decoder's limit; its payload was skipped.</summary>
    FrameTooLong,

    /// <summary>A <c>writeUTF</c> frame held bytes that Java's <c>readUTF</c> would reject; the frame was dropped.</summary>
    MalformedModifiedUtf8,
}
