namespace ActorSockets.Actors;

/// <summary>The failure an actor gets from a <see cref="Kill"/> message; the default strategy stops the actor.</summary>
public sealed class ActorKilledException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ActorKilledException() { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ActorKilledException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public ActorKilledException(string message, Exception innerException) : base(message, innerException) { }
}
