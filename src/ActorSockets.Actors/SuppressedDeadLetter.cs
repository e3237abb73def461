namespace ActorSockets.Actors;

/// <summary>
/// Published on the event stream instead of <see cref="DeadLetter"/> for messages marked
/// <see cref="IDeadLetterSuppression"/>; never logged.
/// </summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">Its sender, or null.</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record SuppressedDeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
