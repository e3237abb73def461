namespace ActorSockets.Actors.Internal;

/// <summary>
/// Creation and termination. Stopping suspends the mailbox, stops the children and waits for all of
/// them to terminate; then <c>PostStop</c> runs, the mailbox is closed (remaining and later mail goes
/// to dead letters), and watchers and the parent are notified.
/// </summary>
internal sealed partial class ActorCell
{
    /// <summary>Handles a system message that reached this cell after it terminated.</summary>
    public void HandleDeadSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && ReferenceEquals(watch.Watchee, _self) && !ReferenceEquals(watch.Watcher, _self))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: false));
        }
    }

    private void CreateActor()
    {
        try
        {
            var actor = NewActorInstance();
            _actor = actor;
            actor.InvokePreStart();
            SetState(StateCreated);
            UpdateSuspension();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(new ActorInitializationException(_self, $"{_self.Path} failed to start: {e.Message}", e));
        }
    }

    private void HandleTerminate()
    {
        if (IsTerminating)
        {
            return;
        }
        SetState(StateTerminating);
        UpdateSuspension();
        CancelReceiveTimeout();
        UnwatchWatchedActors();
        var children = ChildrenSnapshot();
        if (children.Length == 0)
        {
            FinishTerminate();
            return;
        }
        foreach (var child in children)
        {
            _children!.MarkStopping(child);
            child.SendSystemMessage(new Terminate());
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            _extras?.Timers?.CancelAll();
            if (actor is not null)
            {
                actor.InvokePostStop();
            }
        }
        catch (Exception e)
        {
            ActorCellLog.PostStopFailed(_system.SupervisionLogger, _self.Path, e.GetType().Name, e.Message, e);
        }
        finally
        {
            if (actor is IWithStash { Stash: StashImpl stash })
            {
                stash.DropToDeadLetters();
            }
            SetState(StateTerminated);
            Mailbox.Close();
            TellWatchersWeDied();
            _actor = null;
            _behaviour = null;
            if (_extras is { } extras)
            {
                extras.BehaviourStack = null;
                extras.ChildStats = null;
                extras.SynchronizationContext = null;
                extras.AsyncMessage = null;
                extras.AsyncSender = null;
            }
            if (_system.Settings.DebugLifecycle)
            {
                ActorCellLog.Stopped(_system.SupervisionLogger, _self.Path);
            }
        }
    }
}
