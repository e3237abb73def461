using System.Diagnostics;
using Akka.Actor;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The register timeouts of every connection of one TCP manager, kept in one queue and swept by one timer of the
/// manager's, instead of a scheduler timer per connection.
/// </summary>
/// <remarks>
/// <para>Why: a timer per accepted connection costs a cancelable, a scheduled message and a timer-wheel
/// registration (and its cancellation) on every accept, which a connect storm pays in full. Here a connection
/// costs one small <see cref="RegisterWait"/> and a queue slot.</para>
/// <para>Every wait has the same timeout, so the queue is in due order and a sweep only looks at its head. A
/// connection that registered, began closing or stopped settles its wait; settled waits are dropped from the head
/// on every start and sweep, so the queue holds at most the waits started within one register timeout (plus one
/// sweep interval), and in practice only those from the oldest unregistered connection on.</para>
/// <para>The manager sweeps every <see cref="SweepInterval"/> (a tenth of the timeout, between 10 ms and 1 s), so
/// a connection is closed no earlier than the timeout and at most one interval after it. The timer runs only
/// while waits are queued: the start that finds the queue idle wakes the manager with <see cref="Sweep"/>, and the
/// sweep that empties it lets the timer stop. The lock guards the queue and that idle flag against connections
/// starting waits (on their own turns) while the manager sweeps; no user code runs under it.</para>
/// </remarks>
internal sealed class RegisterTimeouts
{
    private static readonly TimeSpan ShortestSweepInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestSweepInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Queue<RegisterWait> _waits = new();
    private readonly IActorRef _sweeper;
    private readonly long _timeoutTicks;
    private bool _sweeping;

    /// <param name="timeout">The register timeout of every connection.</param>
    /// <param name="sweeper">The actor that calls <see cref="SweepOverdue"/> on <see cref="Sweep"/>: the manager.</param>
    public RegisterTimeouts(TimeSpan timeout, IActorRef sweeper)
    {
        _sweeper = sweeper;
        _timeoutTicks = (long)Math.Ceiling(timeout.TotalSeconds * Stopwatch.Frequency);
        TimeSpan interval = timeout / 10;
        SweepInterval = interval < ShortestSweepInterval ? ShortestSweepInterval
            : interval > LongestSweepInterval ? LongestSweepInterval
            : interval;
    }

    public TimeSpan SweepInterval { get; }

    /// <summary>The number of waits queued, settled or not. For tests.</summary>
    internal int Queued
    {
        get
        {
            lock (_lock)
            {
                return _waits.Count;
            }
        }
    }

    /// <summary>Starts <paramref name="connection"/>'s wait; it is told <see cref="TcpConnection.RegisterTimedOut"/>
    /// if the returned wait is not settled by then.</summary>
    public RegisterWait Start(IActorRef connection)
    {
        var wait = new RegisterWait(connection, Stopwatch.GetTimestamp() + _timeoutTicks);
        bool wakeSweeper;
        lock (_lock)
        {
            DropSettledHead();
            _waits.Enqueue(wait);
            wakeSweeper = !_sweeping;
            _sweeping = true;
        }

        if (wakeSweeper)
        {
            _sweeper.Tell(Sweep.Instance, ActorRefs.NoSender);
        }

        return wait;
    }

    /// <summary>
    /// Tells every connection whose wait is overdue and unsettled that its register timeout expired, and drops it.
    /// Returns whether waits remain, that is whether the sweeper must keep sweeping.
    /// </summary>
    public bool SweepOverdue()
    {
        long now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            while (_waits.TryPeek(out RegisterWait? wait) && (wait.IsSettled || wait.DueTimestamp <= now))
            {
                _waits.Dequeue();
                if (!wait.IsSettled)
                {
                    wait.Connection.Tell(TcpConnection.RegisterTimedOut.Instance, wait.Connection);
                }
            }

            _sweeping = _waits.Count > 0;
            return _sweeping;
        }
    }

    private void DropSettledHead()
    {
        while (_waits.TryPeek(out RegisterWait? wait) && wait.IsSettled)
        {
            _waits.Dequeue();
        }
    }

    /// <summary>Tells the sweeper to sweep: sent by the first wait after an idle spell, then by its periodic timer.</summary>
    internal sealed record Sweep : IDeadLetterSuppression
    {
        public static Sweep Instance { get; } = new();

        private Sweep()
        {
        }
    }
}
