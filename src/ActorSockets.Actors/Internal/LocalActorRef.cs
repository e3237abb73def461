namespace ActorSockets.Actors.Internal;

/// <summary>The reference to an actor of this process: a path and the cell that runs the actor.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : InternalActorRef
{
    public ActorCell Cell { get; } = cell;

    public override ActorPath Path { get; } = path;

    public override bool IsTerminated => Cell.IsTerminated;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Mailbox.Post(message, sender);
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);
}
