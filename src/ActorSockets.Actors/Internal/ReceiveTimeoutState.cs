namespace ActorSockets.Actors.Internal;

/// <summary>
/// One actor's receive timeout. Instead of rescheduling a timer for every message (an allocation per
/// message), the actor stamps its last activity and a single timer checks the stamp when it fires:
/// idle long enough means <see cref="Actors.ReceiveTimeout"/> is sent and the timer re-arms for a full
/// period (so it repeats while idle); otherwise it re-arms for the remainder.
/// </summary>
internal sealed class ReceiveTimeoutState : IDisposable
{
    private readonly IActorRef _self;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private long _lastActivity;
    private long _timeoutTicks;
    private int _disposed;

    public ReceiveTimeoutState(IActorRef self, TimeSpan timeout, TimeProvider time)
    {
        _self = self;
        _time = time;
        Timeout = timeout;
        _timeoutTicks = ToTimestampTicks(timeout, time);
        Touch();
        _timer = time.CreateTimer(static state => ((ReceiveTimeoutState)state!).OnTimer(), this, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Timeout { get; private set; }

    public void Touch() => Volatile.Write(ref _lastActivity, _time.GetTimestamp());

    public void Restart(TimeSpan timeout)
    {
        Timeout = timeout;
        Volatile.Write(ref _timeoutTicks, ToTimestampTicks(timeout, _time));
        Touch();
        Arm(timeout);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer.Dispose();
        }
    }

    private void OnTimer()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }
        var idle = _time.GetTimestamp() - Volatile.Read(ref _lastActivity);
        var timeout = Volatile.Read(ref _timeoutTicks);
        if (idle >= timeout)
        {
            _self.Tell(ReceiveTimeoutMessage, null);
            Touch();
            Arm(_time.GetElapsedTime(0, timeout));
        }
        else
        {
            Arm(_time.GetElapsedTime(0, timeout - idle));
        }
    }

    private static object ReceiveTimeoutMessage => Actors.ReceiveTimeout.Instance;

    private void Arm(TimeSpan due)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }
        try
        {
            _timer.Change(due < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : due, System.Threading.Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Race with Dispose on the actor's thread: the timeout was cancelled, nothing to arm.
        }
    }

    private static long ToTimestampTicks(TimeSpan timeout, TimeProvider time) => (long)(timeout.TotalSeconds * time.TimestampFrequency);
}
