namespace ActorSockets.Actors.Internal;

/// <summary>Posts continuations of an actor's async handler back into the actor's mailbox as system messages.</summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.Mailbox.PostSystem(new RunContinuation(d, state));

    public override SynchronizationContext CreateCopy() => this;
}
