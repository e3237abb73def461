using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors.Internal;

/// <summary>
/// Runs one actor: holds its instance, its current message and sender, its behaviour, and (allocated
/// only when used) its children, watch lists, receive timeout and async state. Everything here runs
/// on the mailbox's single runner thread, except what is marked thread-safe.
/// <para>
/// Kept deliberately small: an idle actor is this cell, its mailbox, its reference, its path and the
/// actor instance; every optional feature lives in <see cref="ActorCellExtras"/> or
/// <see cref="ChildrenContainer"/>, allocated on first use.
/// </para>
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    private const int StateCreated = 1;
    private const int StateFailed = 2;
    private const int StateTerminating = 4;
    private const int StateTerminated = 8;
    private const int StateAsyncPending = 16;
    private const int StateRecreating = 32;

    [ThreadStatic]
    private static ActorCell? _current;

    [ThreadStatic]
    private static ActorCell? _constructing;

    private static readonly AsyncLocal<IActorRef?> _ambientSender = new();

    private readonly ActorSystemImpl _system;
    private readonly InternalActorRef _parent;
    private readonly LocalActorRef _self;
    private ActorBase? _actor;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private Receive? _behaviour;
    private ActorCellExtras? _extras;
    private ChildrenContainer? _children;
    private int _state;
    private int _suspendCount;

    public ActorCell(ActorSystemImpl system, Props props, ActorPath path, InternalActorRef parent)
    {
        _system = system;
        _parent = parent;
        Props = props;
        _self = new LocalActorRef(this, path);
        Mailbox = system.CreateMailbox(this, props);
    }

    /// <summary>The cell whose mailbox the current thread is running, if any.</summary>
    public static ActorCell? Current
    {
        get => _current;
        set => _current = value;
    }

    /// <summary>The cell constructing an actor on this thread (read by the <see cref="ActorBase"/> constructor).</summary>
    public static ActorCell? Constructing => _constructing;

    /// <summary>The sender used by <c>Tell(message)</c>: the running actor, else the ambient sender (the TestKit's test actor).</summary>
    public static IActorRef? ImplicitSender => _current?._self ?? _ambientSender.Value;

    /// <summary>Sets the implicit sender for code outside actors in the current async flow.</summary>
    public static void SetAmbientSender(IActorRef? sender) => _ambientSender.Value = sender;

    public Mailbox Mailbox { get; }

    public ActorSystemImpl SystemImpl => _system;

    public LocalActorRef SelfRef => _self;

    public InternalActorRef ParentRef => _parent;

    public ActorBase? Actor => _actor;

    public object? CurrentMessage => _currentMessage;

    public IActorRef? CurrentSender => _currentSender;

    public bool IsTerminated => (Volatile.Read(ref _state) & StateTerminated) != 0;

    public bool IsTerminating => (Volatile.Read(ref _state) & (StateTerminating | StateTerminated)) != 0;

    public IActorRef Self => _self;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public IActorRef Parent => _parent;

    public Props Props { get; }

    public ActorSystem System => _system;

    public ILogger Log => Extras.Logger ??= new ActorLogger(_system.LoggerFactory.CreateLogger(Props.ActorType.FullName ?? Props.ActorType.Name), _self.Path);

    private ActorCellExtras Extras => _extras ??= new ActorCellExtras();

    /// <summary>Sends the <see cref="Create"/> that constructs the actor on its own thread.</summary>
    public void Start() => Mailbox.PostSystem(new Create());

    /// <summary>Processes one user message on the runner thread.</summary>
    public void Invoke(object message, IActorRef? sender)
    {
        _currentMessage = message;
        _currentSender = sender;
        try
        {
            if (_extras?.ReceiveTimeout is { } receiveTimeout && message is not INotInfluenceReceiveTimeout)
            {
                receiveTimeout.Touch();
            }
            if (message is IAutoReceivedMessage)
            {
                AutoReceive(message);
            }
            else
            {
                ReceiveMessage(message);
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }

    /// <summary>Processes one system message on the runner thread.</summary>
    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    CreateActor();
                    break;
                case Terminate:
                    HandleTerminate();
                    break;
                case DeathWatchNotification notification:
                    HandleDeathWatchNotification(notification.Actor, notification.ExistenceConfirmed);
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case Failed failed:
                    HandleFailed(failed.Child, failed.Cause);
                    break;
                case Suspend:
                    HandleSuspend();
                    break;
                case Resume resume:
                    HandleResume(resume.CausedByFailure);
                    break;
                case Recreate recreate:
                    HandleRecreate(recreate.Cause);
                    break;
                case AsyncCompleted completed:
                    HandleAsyncCompleted(completed.Task);
                    break;
                case RunContinuation continuation:
                    RunContinuationAsActor(continuation.Callback, continuation.State);
                    break;
                case MailboxOverflowed:
                    HandleInvokeFailure(new MailboxOverflowException($"The bounded mailbox of {_self.Path} is full."));
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviour = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (Extras.BehaviourStack ??= []).Add(_behaviour);
        _behaviour = receive;
    }

    public void UnbecomeStacked()
    {
        var stack = _extras?.BehaviourStack;
        if (stack is { Count: > 0 })
        {
            _behaviour = stack[^1];
            stack.RemoveAt(stack.Count - 1);
        }
        else
        {
            _behaviour = null;
        }
    }

    public ActorSelection ActorSelection(string path) => new(_system, _self, path);

    private void ReceiveMessage(object message)
    {
        var actor = _actor!;
        var behaviour = _behaviour;
        if (!(behaviour is null ? actor.InvokeReceive(message) : behaviour(message)))
        {
            actor.InvokeUnhandled(message);
        }
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case DeathWatchTerminated terminated:
                ReceivedTerminated(terminated);
                break;
            case PoisonPill:
                Mailbox.PostSystem(new Terminate());
                break;
            case Kill:
                throw new ActorKilledException($"{_self.Path} was killed by a Kill message.");
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, _self), _self);
                break;
            case TimerMessage timer:
                if (timer.Owner.Accept(timer))
                {
                    _currentMessage = timer.Message;
                    ReceiveMessage(timer.Message);
                }
                break;
        }
    }

    private void UpdateSuspension()
    {
        var suspended = (_state & StateCreated) == 0
            || _suspendCount > 0
            || (_state & (StateAsyncPending | StateRecreating | StateTerminating | StateTerminated)) != 0;
        Mailbox.SetSuspended(suspended);
    }

    private void SetState(int flag) => Volatile.Write(ref _state, _state | flag);

    private void ClearState(int flag) => Volatile.Write(ref _state, _state & ~flag);

    private ActorBase NewActorInstance()
    {
        var previous = _constructing;
        _constructing = this;
        ActorBase actor;
        try
        {
            actor = Props.NewActor();
        }
        finally
        {
            _constructing = previous;
        }
        actor.OnConstructed();
        if (actor is IWithTimers withTimers)
        {
            _extras?.Timers?.CancelAll();
            var timers = new TimerScheduler(this);
            Extras.Timers = timers;
            withTimers.Timers = timers;
        }
        if (actor is IWithStash withStash)
        {
            withStash.Stash = new StashImpl(this, _system.Settings.StashCapacity);
        }
        return actor;
    }
}
