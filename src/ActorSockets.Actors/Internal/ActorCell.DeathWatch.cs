namespace ActorSockets.Actors.Internal;

/// <summary>
/// Death watch. A watcher sends <see cref="Watch"/> to the watchee; when the watchee stops it sends
/// <see cref="DeathWatchNotification"/> to every watcher (and to its parent). The watcher then tells
/// itself <see cref="Terminated"/> through its ordinary mailbox, so it arrives after every message
/// the dead actor sent before stopping. <see cref="Unwatch"/> removes the pending entry, so a
/// <see cref="Terminated"/> already queued is dropped when it comes up.
/// </summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var extras = _extras;
        if (extras?.Watching is { } watching && watching.Remove(subject) && subject is InternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Unwatch(internalRef, _self));
        }
        extras?.TerminatedQueued?.Remove(subject);
        return subject;
    }

    private IActorRef WatchCore(IActorRef subject, object? message)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, _self) || subject is not InternalActorRef internalRef)
        {
            return subject;
        }
        var watching = Extras.Watching ??= [];
        if (watching.TryAdd(subject, message))
        {
            internalRef.SendSystemMessage(new Watch(internalRef, _self));
        }
        else
        {
            watching[subject] = message;
        }
        return subject;
    }

    private void AddWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (!ReferenceEquals(watchee, _self) || ReferenceEquals(watcher, _self))
        {
            return;
        }
        (Extras.WatchedBy ??= []).Add(watcher);
    }

    private void RemoveWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (ReferenceEquals(watchee, _self))
        {
            _extras?.WatchedBy?.Remove(watcher);
        }
    }

    private void HandleDeathWatchNotification(IActorRef actor, bool existenceConfirmed)
    {
        var wasChild = _children?.Remove(actor) ?? false;
        if (_extras?.Watching is { } watching && watching.Remove(actor, out var custom) && !IsTerminating)
        {
            (Extras.TerminatedQueued ??= [])[actor] = custom;
            _self.Tell(new DeathWatchTerminated(new Terminated(actor, existenceConfirmed)), actor);
        }
        if (wasChild)
        {
            _extras?.ChildStats?.Remove(actor);
            OnChildTerminated();
        }
    }

    private void ReceivedTerminated(DeathWatchTerminated envelope)
    {
        var terminated = envelope.Terminated;
        if (_extras?.TerminatedQueued is not { } queued || !queued.Remove(terminated.ActorRef, out var custom))
        {
            return;
        }
        var message = custom ?? terminated;
        _currentMessage = message;
        ReceiveMessage(message);
    }

    private void TellWatchersWeDied()
    {
        var watchedBy = _extras?.WatchedBy;
        if (watchedBy is not null)
        {
            foreach (var watcher in watchedBy)
            {
                if (!ReferenceEquals(watcher, _parent))
                {
                    watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
                }
            }
            watchedBy.Clear();
        }
        _parent.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
    }

    private void UnwatchWatchedActors()
    {
        var watching = _extras?.Watching;
        if (watching is null)
        {
            return;
        }
        foreach (var subject in watching.Keys)
        {
            if (subject is InternalActorRef internalRef)
            {
                internalRef.SendSystemMessage(new Unwatch(internalRef, _self));
            }
        }
        watching.Clear();
        _extras!.TerminatedQueued?.Clear();
    }
}
