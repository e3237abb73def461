using System.Collections.Concurrent;

namespace ActorSockets.Actors.Internal;

/// <summary>
/// The system scheduler: one <see cref="ITimer"/> from the system's <see cref="TimeProvider"/> per
/// scheduled item. Live items are tracked so that terminating the system releases every timer.
/// </summary>
internal sealed class SchedulerImpl(TimeProvider time, Microsoft.Extensions.Logging.ILogger logger) : IScheduler, IDisposable
{
    private readonly ConcurrentDictionary<ScheduledItem, byte> _live = new();
    private readonly Microsoft.Extensions.Logging.ILogger _logger = logger;
    private int _disposed;

    public DateTimeOffset Now => time.GetUtcNow();

    public ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(delay, null, new TellAction(receiver, message, sender).Run);
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Schedule(initialDelay, interval, new TellAction(receiver, message, sender).Run);
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Schedule(delay, null, action);
    }

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Schedule(initialDelay, interval, action);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        foreach (var item in _live.Keys)
        {
            item.Cancel();
        }
    }

    private ScheduledItem Schedule(TimeSpan delay, TimeSpan? interval, Action action)
    {
        var item = new ScheduledItem(this, action, interval is not null);
        if (Volatile.Read(ref _disposed) != 0)
        {
            item.Cancel();
            return item;
        }
        _live.TryAdd(item, 0);
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }
        item.Start(time, delay, interval ?? Timeout.InfiniteTimeSpan);
        return item;
    }

    private sealed class TellAction(ICanTell receiver, object message, IActorRef? sender)
    {
        public void Run() => receiver.Tell(message, sender);
    }

    private sealed class ScheduledItem(SchedulerImpl owner, Action action, bool repeating) : ICancelable
    {
        private ITimer? _timer;
        private int _state;

        public bool IsCancellationRequested => Volatile.Read(ref _state) == 2;

        public void Start(TimeProvider time, TimeSpan delay, TimeSpan period)
        {
            var timer = time.CreateTimer(static state => ((ScheduledItem)state!).Fire(), this, delay, period);
            Volatile.Write(ref _timer, timer);
            if (Volatile.Read(ref _state) != 0)
            {
                Release();
            }
        }

        public void Cancel()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
            {
                Release();
            }
        }

        private void Fire()
        {
            if (Volatile.Read(ref _state) != 0)
            {
                return;
            }
            if (!repeating && Interlocked.CompareExchange(ref _state, 1, 0) != 0)
            {
                return;
            }
            try
            {
                action();
            }
            catch (Exception e)
            {
                ActorCellLog.ScheduledActionFailed(owner._logger, e.GetType().Name, e.Message, e);
            }
            finally
            {
                if (!repeating)
                {
                    Release();
                }
            }
        }

        private void Release()
        {
            Interlocked.Exchange(ref _timer, null)?.Dispose();
            owner._live.TryRemove(this, out _);
        }
    }
}
