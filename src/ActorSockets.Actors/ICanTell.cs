namespace ActorSockets.Actors;

/// <summary>
/// Something a message can be told to: an actor reference or an <see cref="ActorSelection"/>.
/// </summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> without waiting; <paramref name="sender"/> is what the receiver sees as <c>Sender</c>.</summary>
    void Tell(object message, IActorRef? sender);
}
