namespace ActorSockets.Actors;

/// <summary>A message together with its sender, as held in a mailbox or a stash.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender, or null when there was none.</param>
public readonly record struct Envelope(object Message, IActorRef? Sender);
