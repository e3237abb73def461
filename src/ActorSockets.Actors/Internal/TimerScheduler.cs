namespace ActorSockets.Actors.Internal;

/// <summary>
/// An actor's keyed timers. Each timer sends a <see cref="TimerMessage"/> stamped with the key's
/// generation; the cell delivers the inner message only if that generation is still current, so a
/// message from a replaced or cancelled timer that was already queued is dropped.
/// Used only on the actor's own thread.
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan timeout) => Start(key, message, timeout, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Handle.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Handle.Cancel();
        }
        _timers.Clear();
    }

    /// <summary>Whether a fired timer message is still current; a single timer is done once accepted.</summary>
    public bool Accept(TimerMessage message)
    {
        if (!_timers.TryGetValue(message.Key, out var entry) || entry.Generation != message.Generation)
        {
            return false;
        }
        if (!entry.Repeating)
        {
            _timers.Remove(message.Key);
        }
        return true;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var generation = ++_generation;
        var timerMessage = new TimerMessage(key, generation, message, this);
        var scheduler = cell.SystemImpl.Scheduler;
        var handle = interval is { } period
            ? scheduler.ScheduleTellRepeatedly(delay, period, cell.Self, timerMessage, null)
            : scheduler.ScheduleTellOnce(delay, cell.Self, timerMessage, null);
        _timers[key] = new Entry(generation, handle, interval is not null);
    }

    private readonly record struct Entry(int Generation, ICancelable Handle, bool Repeating);
}

/// <summary>The envelope of a keyed timer's message.</summary>
internal sealed record TimerMessage(object Key, int Generation, object Message, TimerScheduler Owner) : IAutoReceivedMessage;
