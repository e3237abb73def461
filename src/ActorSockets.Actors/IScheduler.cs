namespace ActorSockets.Actors;

/// <summary>
/// Schedules messages and actions on the system's timers. Every timer is released when it fires
/// (once), when it is cancelled, or when the system terminates.
/// </summary>
public interface IScheduler
{
    /// <summary>The clock the scheduler uses.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once, after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/> until cancelled.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once on the thread pool after <paramref name="delay"/>.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/> until cancelled.</summary>
    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
