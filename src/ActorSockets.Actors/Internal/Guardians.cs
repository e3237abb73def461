namespace ActorSockets.Actors.Internal;

/// <summary>
/// The <c>/user</c> and <c>/system</c> guardians: plain parents whose strategy supervises the top-level
/// actors. Whatever they are told is unhandled.
/// </summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message) => false;
}

/// <summary>
/// The root guardian <c>/</c>. It watches both guardians: when <c>/user</c> stops (on termination, or
/// because it failed, which its stopping strategy turns into a stop) it stops <c>/system</c>, and when
/// <c>/system</c> stops it stops itself, which terminates the actor system.
/// </summary>
internal sealed class RootGuardianActor(IActorRef user, IActorRef system) : ActorBase
{
    protected override void PreStart()
    {
        Context.Watch(user);
        Context.Watch(system);
    }

    protected override bool Receive(object message)
    {
        if (message is not Terminated terminated)
        {
            return false;
        }
        if (terminated.ActorRef.Equals(user))
        {
            Context.Stop(system);
        }
        else if (terminated.ActorRef.Equals(system))
        {
            Context.Stop(Self);
        }
        return true;
    }
}

/// <summary>
/// The supervisor above the root guardian. It ends the system when the root stops, and stops the root
/// if the root itself fails.
/// </summary>
internal sealed class RootSupervisorRef(ActorSystemImpl system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case DeathWatchNotification:
                system.OnRootTerminated();
                break;
            case Failed failed:
                ActorCellLog.RootGuardianFailed(system.SupervisionLogger, failed.Cause.GetType().Name, failed.Cause.Message, failed.Cause);
                ((InternalActorRef)failed.Child).SendSystemMessage(new Terminate());
                break;
        }
    }
}
