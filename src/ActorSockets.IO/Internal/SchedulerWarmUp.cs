using Akka.Actor;

namespace ActorSockets.IO.Internal;

/// <summary>
/// Starts the actor system's scheduler before any connection needs it.
/// </summary>
/// <remarks>
/// Akka's <c>HashedWheelTimerScheduler</c> starts its clock lazily, on the first schedule call, by queueing its worker
/// on the thread pool and blocking the caller until the worker runs. When a burst of new connection actors each
/// schedule their register timeout as the first timers of the system, every pool thread can end up blocked in that
/// wait while the worker waits behind them for a pool thread: a stall until the pool injects threads (seen by the
/// benchmark as a server with zero round trips for seconds). Scheduling one timer when the extension is created, on
/// the creating thread, starts the clock while nothing else waits for it.
/// </remarks>
internal static class SchedulerWarmUp
{
    public static void Start(ActorSystem system) =>
        system.Scheduler.Advanced.ScheduleOnce(TimeSpan.FromMilliseconds(1), static () => { });
}
