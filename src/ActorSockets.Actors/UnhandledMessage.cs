namespace ActorSockets.Actors;

/// <summary>Published on the event stream when an actor did not handle a message.</summary>
/// <param name="Message">The unhandled message.</param>
/// <param name="Sender">Its sender, or null.</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
