namespace ActorSockets.Actors;

/// <summary>
/// Implement on an actor to get a stash (<see cref="IStash"/>) the runtime injects after construction.
/// Stashed messages survive a restart (they are put back in front of the mailbox before
/// <c>PreRestart</c>) and go to dead letters when the actor stops.
/// </summary>
public interface IWithStash
{
    /// <summary>The actor's stash; set by the runtime.</summary>
    IStash Stash { get; set; }
}
