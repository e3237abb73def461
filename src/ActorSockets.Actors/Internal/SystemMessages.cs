namespace ActorSockets.Actors.Internal;

/// <summary>
/// Messages the runtime sends between actor cells. They travel on the mailbox's separate system
/// queue (an intrusive stack, hence <see cref="Next"/>: every instance is used for one send only) and
/// are processed before any user message.
/// </summary>
internal abstract class SystemMessage
{
    public SystemMessage? Next;
}

internal sealed class Create : SystemMessage;

internal sealed class Terminate : SystemMessage;

internal sealed class Suspend : SystemMessage;

internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

internal sealed class Failed(IActorRef child, Exception cause) : SystemMessage
{
    public IActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;
}

internal sealed class Watch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

internal sealed class Unwatch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

internal sealed class AsyncCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}

internal sealed class RunContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;
}

internal sealed class MailboxOverflowed : SystemMessage;

/// <summary>Marks a closed system queue: a send that finds it handles its message as sent to a dead actor.</summary>
internal sealed class ClosedMarker : SystemMessage
{
    public static readonly ClosedMarker Instance = new();
}

/// <summary>
/// A <see cref="Terminated"/> produced by death watch, queued through the watcher's mailbox. The cell
/// unwraps it only if the watch is still pending (an <c>Unwatch</c> in between drops it); a
/// <see cref="Terminated"/> told by user code is an ordinary message.
/// </summary>
internal sealed record DeathWatchTerminated(Terminated Terminated) : IAutoReceivedMessage, IDeadLetterSuppression;
