namespace ActorSockets.Actors;

/// <summary>
/// Marks messages that are not logged when they end up in dead letters (they are still published on
/// the event stream, wrapped in <see cref="SuppressedDeadLetter"/>).
/// </summary>
public interface IDeadLetterSuppression;
