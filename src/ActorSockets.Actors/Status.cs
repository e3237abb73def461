namespace ActorSockets.Actors;

/// <summary>Replies that say how an operation ended; <c>Ask</c> turns a <see cref="Failure"/> into a faulted task.</summary>
public static class Status
{
    /// <summary>The operation succeeded, optionally with a value.</summary>
    /// <param name="Value">The result, or null.</param>
    public sealed record Success(object? Value);

    /// <summary>The operation failed.</summary>
    /// <param name="Cause">Why.</param>
    /// <param name="State">Optional context for the receiver.</param>
    public sealed record Failure(Exception Cause, object? State = null);
}
