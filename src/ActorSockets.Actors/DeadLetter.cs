namespace ActorSockets.Actors;

/// <summary>Published on the event stream when a message could not be delivered.</summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">Its sender, or null.</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
