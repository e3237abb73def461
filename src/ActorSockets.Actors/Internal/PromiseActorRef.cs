namespace ActorSockets.Actors.Internal;

/// <summary>
/// The temporary reply-to reference of an <c>Ask</c> (or <c>GracefulStop</c>): the first message told
/// to it completes the task, later ones go to dead letters. It can be watched, and it turns a death
/// watch notification into a <see cref="Terminated"/> reply (which is how <c>GracefulStop</c> learns
/// the target stopped).
/// </summary>
internal sealed class PromiseActorRef<T> : InternalActorRef
{
    private readonly ActorSystemImpl _system;
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActorPath? _path;
    private ICancelable? _timeout;
    private List<InternalActorRef>? _watchers;

    public PromiseActorRef(ActorSystemImpl system)
    {
        _system = system;
    }

    public override ActorPath Path => _path ??= _system.TempPath();

    public override bool IsTerminated => _promise.Task.IsCompleted;

    public Task<T> Task => _promise.Task;

    public void SetTimeout(TimeSpan timeout, Func<Exception> onTimeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }
        _timeout = _system.Scheduler.ScheduleOnce(timeout, () =>
        {
            if (_promise.TrySetException(onTimeout()))
            {
                NotifyWatchers();
            }
        });
    }

    public void Cancel(CancellationToken cancellationToken)
    {
        if (_promise.TrySetCanceled(cancellationToken))
        {
            _timeout?.Cancel();
            NotifyWatchers();
        }
    }

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        bool completed;
        if (message is T reply)
        {
            completed = _promise.TrySetResult(reply);
        }
        else if (message is Status.Failure failure)
        {
            completed = _promise.TrySetException(failure.Cause);
        }
        else
        {
            completed = _promise.TrySetException(new InvalidCastException(
                $"The reply to an Ask<{typeof(T).Name}> was a {message.GetType().Name}: {message}"));
        }
        if (completed)
        {
            _timeout?.Cancel();
            NotifyWatchers();
        }
        else
        {
            _system.DeadLetterRef.Publish(message, sender, this);
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Watch watch:
                if (!ReferenceEquals(watch.Watchee, this))
                {
                    return;
                }
                lock (_promise)
                {
                    if (!_promise.Task.IsCompleted)
                    {
                        (_watchers ??= []).Add(watch.Watcher);
                        return;
                    }
                }
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
                break;
            case Unwatch unwatch:
                lock (_promise)
                {
                    _watchers?.Remove(unwatch.Watcher);
                }
                break;
            case DeathWatchNotification notification:
                Tell(new Terminated(notification.Actor, notification.ExistenceConfirmed), notification.Actor);
                break;
        }
    }

    private void NotifyWatchers()
    {
        List<InternalActorRef>? watchers;
        lock (_promise)
        {
            watchers = _watchers;
            _watchers = null;
        }
        if (watchers is null)
        {
            return;
        }
        foreach (var watcher in watchers)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
        }
    }
}
