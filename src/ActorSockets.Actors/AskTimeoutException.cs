namespace ActorSockets.Actors;

/// <summary>Thrown by an <c>Ask</c> whose reply did not arrive within its timeout.</summary>
public sealed class AskTimeoutException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public AskTimeoutException() { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AskTimeoutException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public AskTimeoutException(string message, Exception innerException) : base(message, innerException) { }
}
