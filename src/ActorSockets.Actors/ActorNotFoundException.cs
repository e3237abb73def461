namespace ActorSockets.Actors;

/// <summary>Thrown when an <see cref="ActorSelection"/> resolves to no actor.</summary>
public sealed class ActorNotFoundException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ActorNotFoundException() { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ActorNotFoundException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public ActorNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
