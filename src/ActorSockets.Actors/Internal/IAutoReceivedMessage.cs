namespace ActorSockets.Actors.Internal;

/// <summary>Messages the actor cell handles itself before the actor's behaviour sees them.</summary>
internal interface IAutoReceivedMessage;
