namespace ActorSockets.Actors;

/// <summary>
/// An immutable, thread-safe handle to an actor. Messages told to a stopped actor go to dead letters.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's path in the hierarchy.</summary>
    ActorPath Path { get; }
}
