namespace ActorSockets.Actors;

/// <summary>
/// Tells a watcher that <paramref name="ActorRef"/> has stopped. It arrives after every message the
/// stopped actor sent to the watcher. A <c>Terminated</c> the watcher does not handle fails it with a
/// <see cref="DeathPactException"/>.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the watched actor had already stopped (or never existed) when the watch arrived.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed = true) : IDeadLetterSuppression;
