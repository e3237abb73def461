namespace ActorSockets.Actors;

/// <summary>Thrown by <c>Stash</c> when the stash is at its configured capacity.</summary>
public sealed class StashOverflowException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public StashOverflowException() { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public StashOverflowException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public StashOverflowException(string message, Exception innerException) : base(message, innerException) { }
}
