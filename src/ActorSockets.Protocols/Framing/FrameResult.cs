using Akka.IO;

namespace ActorSockets.Protocols.Framing;

/// <summary>
/// One outcome of feeding bytes to a frame decoder: either a decoded frame or a <see cref="FrameError"/> the
/// session should answer. A value type, so decoding allocates nothing per outcome beyond the frame itself.
/// </summary>
/// <typeparam name="T">The frame type, such as <see cref="string"/> or <see cref="ByteString"/>.</typeparam>
public readonly record struct FrameResult<T>
{
    private FrameResult(T? frame, FrameError error)
    {
        Frame = frame;
        Error = error;
    }

    /// <summary>The decoded frame; default when <see cref="IsFrame"/> is false.</summary>
    public T? Frame { get; }

    /// <summary>The error, or <see cref="FrameError.None"/> when this result holds a frame.</summary>
    public FrameError Error { get; }

    /// <summary>Whether this result holds a frame rather than an error.</summary>
    public bool IsFrame => Error == FrameError.None;

    /// <summary>Creates a result holding <paramref name="frame"/>.</summary>
#pragma warning disable CA1000 // A factory on the generic type reads best at call sites: FrameResult<string>.Success(line).
    public static FrameResult<T> Success(T frame) => new(frame, FrameError.None);

    /// <summary>Creates a result holding <paramref name="error"/>, which must not be <see cref="FrameError.None"/>.</summary>
    public static FrameResult<T> Failure(FrameError error)
#pragma warning restore CA1000
    {
        if (error == FrameError.None)
        {
            throw new ArgumentOutOfRangeException(nameof(error), error, "A failure needs an error other than None.");
        }

        return new(default, error);
    }

    /// <summary>A readable form for test output and logs, e.g. <c>Frame(hello)</c> or <c>Error(LineTooLong)</c>.</summary>
    public override string ToString() => IsFrame ? $"Frame({Frame})" : $"Error({Error})";
}
