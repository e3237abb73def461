using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors.Internal;

/// <summary>The parts of an <see cref="ActorCell"/> most actors never use, allocated on first use.</summary>
internal sealed class ActorCellExtras
{
    public List<Receive?>? BehaviourStack;
    public Dictionary<InternalActorRef, object?>? Watching;
    public HashSet<InternalActorRef>? WatchedBy;
    public Dictionary<IActorRef, object?>? TerminatedQueued;
    public ReceiveTimeoutState? ReceiveTimeout;
    public ILogger? Logger;
    public Dictionary<IActorRef, ChildRestartStats>? ChildStats;
    public object? FailedMessage;
    public Exception? RecreateCause;
    public object? AsyncMessage;
    public IActorRef? AsyncSender;
    public ActorSynchronizationContext? SynchronizationContext;
    public TimerScheduler? Timers;
}
