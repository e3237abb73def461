using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSockets.Actors.Internal;

/// <summary>
/// The actor system: builds the guardian hierarchy (<c>/</c>, <c>/user</c>, <c>/system</c>), owns the
/// scheduler, event stream, dead letters and extensions, and completes <see cref="WhenTerminated"/>
/// when the root guardian has stopped.
/// </summary>
internal sealed class ActorSystemImpl : ExtendedActorSystem
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Type, Lazy<object>> _extensions = new();
    private readonly SchedulerImpl _scheduler;
    private ActorCell _rootCell = null!;
    private ActorCell _userCell = null!;
    private ActorCell _systemCell = null!;
    private int _terminating;

    private ActorSystemImpl(string name, ActorSystemSettings settings, ILoggerFactory loggerFactory)
    {
        Name = name;
        Settings = settings;
        LoggerFactory = loggerFactory;
        TimeProvider = settings.TimeProvider;
        SupervisionLogger = loggerFactory.CreateLogger("ActorSockets.Actors.Supervision");
        _scheduler = new SchedulerImpl(TimeProvider, SupervisionLogger);
        RootPath = ActorPath.CreateRoot(name);
        DeadLetterRef = new DeadLetterActorRef(this, RootPath / "deadLetters");
    }

    public override string Name { get; }

    public override ActorSystemSettings Settings { get; }

    public override ILoggerFactory LoggerFactory { get; }

    public override IActorRef DeadLetters => DeadLetterRef;

    public override EventStream EventStream { get; } = new();

    public override IScheduler Scheduler => _scheduler;

    public override Task WhenTerminated => _terminated.Task;

    public override IActorRef Guardian => _userCell.SelfRef;

    public override IActorRef SystemGuardian => _systemCell.SelfRef;

    public override IActorRef RootGuardian => _rootCell.SelfRef;

    public ActorPath RootPath { get; }

    public LocalActorRef RootRef => _rootCell.SelfRef;

    public DeadLetterActorRef DeadLetterRef { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger SupervisionLogger { get; }

    public bool IsTerminating => Volatile.Read(ref _terminating) != 0 || _terminated.Task.IsCompleted;

    private long _tempCounter;

    public static ActorSystemImpl Start(string name, ActorSystemSettings settings, ILoggerFactory? loggerFactory)
    {
        ValidateSystemName(name);
        var system = new ActorSystemImpl(name, settings, loggerFactory ?? NullLoggerFactory.Instance);
        system.Build();
        return system;
    }

    public override IActorRef ActorOf(Props props, string? name = null) => _userCell.MakeChild(props, name);

    public override IActorRef SystemActorOf(Props props, string? name = null) => _systemCell.MakeChild(props, name);

    public override ActorSelection ActorSelection(string path) => new(this, _userCell.SelfRef, path);

    public override void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is InternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Terminate());
        }
    }

    public override Task Terminate()
    {
        if (Settings.CoordinatedShutdownRunByActorSystemTerminate)
        {
            // Terminate always terminates, even when coordinated shutdown is configured not to.
            CoordinatedShutdown.Get(this).Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance).ContinueWith(
                static (_, state) => ((ActorSystemImpl)state!).FinalTerminate(), this,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            FinalTerminate();
        }
        return WhenTerminated;
    }

    /// <summary>Stops <c>/user</c>; the root guardian then stops <c>/system</c> and itself.</summary>
    public void FinalTerminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _userCell.SelfRef.SendSystemMessage(new Terminate());
        }
    }

    public void OnRootTerminated()
    {
        Volatile.Write(ref _terminating, 1);
        _scheduler.Dispose();
        _terminated.TrySetResult();
    }

    public override T GetOrCreateExtension<T>(Func<ExtendedActorSystem, T> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var lazy = _extensions.GetOrAdd(typeof(T), _ => new Lazy<object>(() => factory(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value;
    }

    public override T? GetExtension<T>() where T : class =>
        _extensions.TryGetValue(typeof(T), out var lazy) && lazy.IsValueCreated ? (T)lazy.Value : null;

    /// <summary>A fresh path under <c>/temp</c> for an ask's reply reference.</summary>
    public ActorPath TempPath() => RootPath / "temp" / ("$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Mailbox CreateMailbox(ActorCell cell, Props props)
    {
        int throughput;
        if (props.Dispatcher == Props.DefaultDispatcherId)
        {
            throughput = Settings.DefaultThroughput;
        }
        else if (!Settings.Dispatchers.TryGetValue(props.Dispatcher, out throughput))
        {
            throw new ArgumentException($"The dispatcher [{props.Dispatcher}] is not configured (actorsockets.actor.dispatchers).", nameof(props));
        }
        var mailboxId = props.Mailbox ?? Settings.DefaultMailbox;
        if (mailboxId is null)
        {
            return new Mailbox(cell, throughput, 0, MailboxOverflowStrategy.DropNewest, props.RunsInlineWhenIdle);
        }
        if (!Settings.Mailboxes.TryGetValue(mailboxId, out var mailbox))
        {
            throw new ArgumentException($"The mailbox [{mailboxId}] is not configured (actorsockets.actor.mailboxes).", nameof(props));
        }
        return new Mailbox(cell, throughput, mailbox.Capacity, mailbox.OverflowStrategy, props.RunsInlineWhenIdle);
    }

    private void Build()
    {
        var bubble = new RootSupervisorRef(this, RootPath / "bubble-walker");
        IActorRef? user = null;
        IActorRef? system = null;
        var rootProps = Props.FromProducer(() => new RootGuardianActor(user!, system!))
            .WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);
        _rootCell = new ActorCell(this, rootProps, RootPath, bubble);
        var guardianProps = Props.FromProducer(static () => new GuardianActor());
        _userCell = _rootCell.MakeChild(guardianProps.WithSupervisorStrategy(SupervisorStrategy.DefaultStrategy), "user").Cell;
        _systemCell = _rootCell.MakeChild(guardianProps.WithSupervisorStrategy(SupervisorStrategy.DefaultStrategy), "system").Cell;
        user = _userCell.SelfRef;
        system = _systemCell.SelfRef;
        _rootCell.Start();
        if (Settings.LogDeadLetters > 0)
        {
            SystemActorOf(Props.Create<DeadLetterListener>(), "deadLetterListener");
        }
    }

    private static void ValidateSystemName(string name)
    {
        var valid = name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]);
        foreach (var c in name)
        {
            valid &= char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
        }
        if (!valid)
        {
            throw new ArgumentException($"Invalid actor system name [{name}]: use ASCII letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        }
    }
}
