namespace ActorSockets.Actors;

/// <summary>The reply to <see cref="Identify"/>.</summary>
/// <param name="MessageId">The id from the request.</param>
/// <param name="Subject">The actor, or null when nothing matched.</param>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
