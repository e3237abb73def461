using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// Every actor answers this with an <see cref="ActorIdentity"/> carrying its reference; an
/// <see cref="ActorSelection"/> that matches nothing answers with an empty identity.
/// </summary>
/// <param name="MessageId">Echoed back in the reply.</param>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;
