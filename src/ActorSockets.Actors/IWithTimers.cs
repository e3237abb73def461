namespace ActorSockets.Actors;

/// <summary>
/// Implement on an actor to get keyed timers (<see cref="ITimerScheduler"/>) that the runtime
/// injects after construction and cancels when the actor stops or restarts.
/// </summary>
public interface IWithTimers
{
    /// <summary>The actor's timers; set by the runtime.</summary>
    ITimerScheduler Timers { get; set; }
}
