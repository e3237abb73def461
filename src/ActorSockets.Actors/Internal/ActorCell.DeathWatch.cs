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
    // Most actors watch at most one actor and are watched by at most one (a TCP connection watches its handler,
    // a listener its bind handler): those first entries live in these fields, and the collections in
    // ActorCellExtras exist only from the second entry on. A dictionary and a set per pair of actors cost
    // about 640 bytes, more than the rest of an idle actor.
    private InternalActorRef? _firstWatchee;
    private object? _firstWatcheeMessage;
    private InternalActorRef? _firstWatcher;

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject is InternalActorRef internalRef && RemoveWatchee(internalRef, out _))
        {
            internalRef.SendSystemMessage(new Unwatch(internalRef, _self));
        }
        _extras?.TerminatedQueued?.Remove(subject);
        return subject;
    }

    private IActorRef WatchCore(IActorRef subject, object? message)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, _self) || subject is not InternalActorRef internalRef)
        {
            return subject;
        }
        if (ReferenceEquals(_firstWatchee, internalRef))
        {
            _firstWatcheeMessage = message;
            return subject;
        }
        if (_firstWatchee is null && _extras?.Watching is not { Count: > 0 })
        {
            _firstWatchee = internalRef;
            _firstWatcheeMessage = message;
        }
        else
        {
            var watching = Extras.Watching ??= [];
            if (!watching.TryAdd(internalRef, message))
            {
                watching[internalRef] = message;
                return subject;
            }
        }
        internalRef.SendSystemMessage(new Watch(internalRef, _self));
        return subject;
    }

    /// <summary>Forgets a watched actor; its custom termination message, if any, comes back in <paramref name="message"/>.</summary>
    private bool RemoveWatchee(InternalActorRef subject, out object? message)
    {
        if (ReferenceEquals(_firstWatchee, subject))
        {
            message = _firstWatcheeMessage;
            _firstWatchee = null;
            _firstWatcheeMessage = null;
            return true;
        }
        if (_extras?.Watching is { } watching && watching.Remove(subject, out message))
        {
            return true;
        }
        message = null;
        return false;
    }

    private void AddWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (!ReferenceEquals(watchee, _self) || ReferenceEquals(watcher, _self) || ReferenceEquals(watcher, _firstWatcher))
        {
            return;
        }
        if (_firstWatcher is null && _extras?.WatchedBy is not { Count: > 0 })
        {
            _firstWatcher = watcher;
            return;
        }
        (Extras.WatchedBy ??= []).Add(watcher);
    }

    private void RemoveWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (!ReferenceEquals(watchee, _self))
        {
            return;
        }
        if (ReferenceEquals(_firstWatcher, watcher))
        {
            _firstWatcher = null;
        }
        else
        {
            _extras?.WatchedBy?.Remove(watcher);
        }
    }

    private void HandleDeathWatchNotification(IActorRef actor, bool existenceConfirmed)
    {
        var wasChild = _children?.Remove(actor) ?? false;
        if (actor is InternalActorRef internalRef && RemoveWatchee(internalRef, out var custom) && !IsTerminating)
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
        if (_firstWatcher is { } first)
        {
            _firstWatcher = null;
            TellWatcherWeDied(first);
        }
        if (_extras?.WatchedBy is { } watchedBy)
        {
            foreach (var watcher in watchedBy)
            {
                TellWatcherWeDied(watcher);
            }
            watchedBy.Clear();
        }
        _parent.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
    }

    /// <summary>The parent is told separately, once, whether or not it also watches.</summary>
    private void TellWatcherWeDied(InternalActorRef watcher)
    {
        if (!ReferenceEquals(watcher, _parent))
        {
            watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
        }
    }

    private void UnwatchWatchedActors()
    {
        if (_firstWatchee is { } first)
        {
            _firstWatchee = null;
            _firstWatcheeMessage = null;
            first.SendSystemMessage(new Unwatch(first, _self));
        }
        if (_extras?.Watching is { } watching)
        {
            foreach (var subject in watching.Keys)
            {
                subject.SendSystemMessage(new Unwatch(subject, _self));
            }
            watching.Clear();
        }
        _extras?.TerminatedQueued?.Clear();
    }
}
