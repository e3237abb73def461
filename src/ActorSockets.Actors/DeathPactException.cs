namespace ActorSockets.Actors;

/// <summary>The failure an actor gets when it does not handle a <see cref="Terminated"/> of an actor it watches; the default strategy stops the actor.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeathPactException() { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public DeathPactException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public DeathPactException(string message, Exception innerException) : base(message, innerException) { }
}
