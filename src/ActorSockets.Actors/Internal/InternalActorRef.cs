namespace ActorSockets.Actors.Internal;

/// <summary>
/// The base of every actor reference the runtime hands out. References compare by identity: each
/// incarnation of an actor has its own reference object, so a stale reference to a stopped actor
/// never reaches a new actor that reused the name.
/// </summary>
internal abstract class InternalActorRef : IActorRef
{
    public abstract ActorPath Path { get; }

    /// <summary>True once the actor behind this reference has stopped for good.</summary>
    public virtual bool IsTerminated => false;

    public abstract void Tell(object message, IActorRef? sender);

    public abstract void SendSystemMessage(SystemMessage message);

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public int CompareTo(IActorRef? other) => other is null ? 1 : Path.CompareTo(other.Path);

    public override string ToString() => $"[{Path}]";

    /// <summary>Answers a watch on an actor that is gone.</summary>
    protected void ReplyDeadToWatch(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }
}
