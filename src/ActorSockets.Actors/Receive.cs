namespace ActorSockets.Actors;

/// <summary>A behaviour: handles <paramref name="message"/> and says whether it did.</summary>
/// <returns>True when the message was handled; false sends it to <c>Unhandled</c>.</returns>
public delegate bool Receive(object message);
