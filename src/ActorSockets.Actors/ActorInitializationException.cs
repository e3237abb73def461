namespace ActorSockets.Actors;

/// <summary>
/// The failure an actor gets when its constructor or <c>PreStart</c> throws; the default strategy stops the actor.
/// </summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ActorInitializationException() { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ActorInitializationException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public ActorInitializationException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for the actor at <paramref name="actor"/>.</summary>
    public ActorInitializationException(IActorRef? actor, string message, Exception? innerException)
        : base(message, innerException)
    {
        Actor = actor;
    }

    /// <summary>The actor that failed to start, when known.</summary>
    public IActorRef? Actor { get; }
}
