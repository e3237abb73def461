namespace ActorSockets.Actors.Internal;

/// <summary>
/// Fault handling. A failing actor suspends itself and its children and sends <see cref="Failed"/> to
/// its parent, whose supervisor strategy answers with <see cref="Resume"/>, <see cref="Recreate"/>,
/// <see cref="Terminate"/>, or escalates by failing the parent itself. A restart runs
/// <c>PreRestart</c> on the old instance, waits until the children it stopped have terminated, then
/// constructs a new instance from the same props and runs <c>PostRestart</c>; the failing message is
/// dropped, the mailbox and the reference survive.
/// </summary>
internal sealed partial class ActorCell
{
    public void ResumeChild(IActorRef child, Exception cause) =>
        ((InternalActorRef)child).SendSystemMessage(new Resume(cause));

    public void RestartChild(IActorRef child, Exception cause) =>
        ((InternalActorRef)child).SendSystemMessage(new Recreate(cause));

    private SupervisorStrategy SupervisorStrategyInUse =>
        Props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;

    private void HandleInvokeFailure(Exception cause)
    {
        if (IsTerminating)
        {
            ActorCellLog.FailureWhileStopping(_system.SupervisionLogger, _self.Path, cause.GetType().Name, cause.Message, cause);
            return;
        }
        if ((_state & StateFailed) != 0)
        {
            ActorCellLog.FailureWhileFailed(_system.SupervisionLogger, _self.Path, cause.GetType().Name, cause.Message, cause);
            return;
        }
        SetState(StateFailed);
        _suspendCount++;
        UpdateSuspension();
        Extras.FailedMessage = _currentMessage;
        foreach (var child in ChildrenSnapshot())
        {
            child.SendSystemMessage(new Suspend());
        }
        _parent.SendSystemMessage(new Failed(_self, cause));
    }

    private void HandleFailed(IActorRef child, Exception cause)
    {
        // A failure of a child that is not (or no longer) ours, or that we are already stopping, is moot.
        if (IsTerminating || _children is null || !_children.Contains(child) || _children.IsStopping(child))
        {
            return;
        }
        var statsByChild = Extras.ChildStats ??= [];
        if (!statsByChild.TryGetValue(child, out var stats))
        {
            stats = new ChildRestartStats();
            statsByChild[child] = stats;
        }
        if (!SupervisorStrategyInUse.HandleFailure(this, child, cause, stats))
        {
            HandleInvokeFailure(cause);
        }
    }

    private void HandleSuspend()
    {
        _suspendCount++;
        UpdateSuspension();
        foreach (var child in ChildrenSnapshot())
        {
            child.SendSystemMessage(new Suspend());
        }
    }

    private void HandleResume(Exception? causedByFailure)
    {
        if (_suspendCount > 0)
        {
            _suspendCount--;
        }
        if (causedByFailure is not null)
        {
            ClearState(StateFailed);
            if (_extras is not null)
            {
                _extras.FailedMessage = null;
            }
        }
        UpdateSuspension();
        foreach (var child in ChildrenSnapshot())
        {
            child.SendSystemMessage(new Resume(null));
        }
    }

    private void HandleRecreate(Exception cause)
    {
        if (IsTerminating || (_state & StateRecreating) != 0)
        {
            return;
        }
        var actor = _actor;
        var extras = Extras;
        SetState(StateRecreating);
        UpdateSuspension();
        extras.RecreateCause = cause;
        if (actor is not null)
        {
            try
            {
                if (actor is IWithStash { Stash: StashImpl stash })
                {
                    stash.UnstashAll();
                }
                extras.Timers?.CancelAll();
                var previous = _current;
                _current = this;
                try
                {
                    actor.InvokePreRestart(cause, extras.FailedMessage);
                }
                finally
                {
                    _current = previous;
                }
            }
            catch (Exception e)
            {
                ActorCellLog.PreRestartFailed(_system.SupervisionLogger, _self.Path, e.GetType().Name, e.Message, e);
            }
        }
        if ((_children?.StoppingCount ?? 0) == 0)
        {
            FinishRecreate();
        }
    }

    private void FinishRecreate()
    {
        var extras = Extras;
        var cause = extras.RecreateCause!;
        extras.RecreateCause = null;
        extras.FailedMessage = null;
        extras.BehaviourStack?.Clear();
        _behaviour = null;
        _actor = null;
        ClearState(StateRecreating | StateFailed);
        _suspendCount = 0;
        try
        {
            var actor = NewActorInstance();
            _actor = actor;
            actor.InvokePostRestart(cause);
            SetState(StateCreated);
            UpdateSuspension();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(new ActorInitializationException(_self, $"{_self.Path} failed to restart: {e.Message}", e));
            return;
        }
        foreach (var survivor in ChildrenSnapshot(includeStopping: false))
        {
            survivor.SendSystemMessage(new Recreate(cause));
        }
    }

    private InternalActorRef[] ChildrenSnapshot(bool includeStopping) =>
        Volatile.Read(ref _children)?.Snapshot(includeStopping) ?? [];

    private void OnChildTerminated()
    {
        if ((_state & StateTerminating) != 0)
        {
            if ((_children?.Count ?? 0) == 0)
            {
                FinishTerminate();
            }
        }
        else if ((_state & StateRecreating) != 0 && (_children?.StoppingCount ?? 0) == 0)
        {
            FinishRecreate();
        }
    }
}
