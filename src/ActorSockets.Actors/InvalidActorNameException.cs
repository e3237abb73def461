namespace ActorSockets.Actors;

/// <summary>Thrown by <c>ActorOf</c> for a name that is malformed or taken by a sibling.</summary>
public sealed class InvalidActorNameException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public InvalidActorNameException() { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public InvalidActorNameException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public InvalidActorNameException(string message, Exception innerException) : base(message, innerException) { }
}
