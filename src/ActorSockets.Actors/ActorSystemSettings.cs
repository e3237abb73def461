namespace ActorSockets.Actors;

/// <summary>
/// The runtime's settings, read from the <c>actorsockets.actor</c> section of the configuration (see the
/// embedded <c>reference.conf</c> for every key and its default).
/// </summary>
public sealed class ActorSystemSettings
{
    /// <summary>The settings with every default.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary>User messages an actor processes per mailbox run before yielding its thread. Defaults to 30.</summary>
    public int DefaultThroughput { get; init; } = 30;

    /// <summary>Throughput per named dispatcher, for <see cref="Props.WithDispatcher"/>. Empty by default.</summary>
    public IReadOnlyDictionary<string, int> Dispatchers { get; init; } = new Dictionary<string, int>();

    /// <summary>Bounded mailboxes by id, for <see cref="Props.WithMailbox"/>. Empty by default.</summary>
    public IReadOnlyDictionary<string, MailboxSettings> Mailboxes { get; init; } = new Dictionary<string, MailboxSettings>();

    /// <summary>The timeout of an <c>Ask</c> that names none. Defaults to 30 s.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many dead letters are logged before logging pauses for <see cref="LogDeadLettersSuspendDuration"/>; 0 turns logging off. Defaults to 10.</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>How long dead-letter logging pauses after <see cref="LogDeadLetters"/> were logged. Defaults to 5 minutes.</summary>
    public TimeSpan LogDeadLettersSuspendDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether dead letters are logged while the system shuts down. Defaults to false.</summary>
    public bool LogDeadLettersDuringShutdown { get; init; }

    /// <summary>The most messages one actor may stash. Defaults to 10,000.</summary>
    public int StashCapacity { get; init; } = 10_000;

    /// <summary>Log actor stops at Debug level. Defaults to false.</summary>
    public bool DebugLifecycle { get; init; }

    /// <summary>Log unhandled messages at Debug level. Defaults to false.</summary>
    public bool DebugUnhandled { get; init; }

    /// <summary>The timeout of a coordinated-shutdown phase that has none of its own. Defaults to 5 s.</summary>
    public TimeSpan CoordinatedShutdownDefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-phase timeouts of coordinated shutdown, by phase name. Empty by default.</summary>
    public IReadOnlyDictionary<string, TimeSpan> CoordinatedShutdownPhaseTimeouts { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Whether <see cref="ActorSystem.Terminate"/> runs coordinated shutdown first. Defaults to true.</summary>
    public bool CoordinatedShutdownRunByActorSystemTerminate { get; init; } = true;

    /// <summary>Whether coordinated shutdown terminates the actor system in its last phase. Defaults to true.</summary>
    public bool CoordinatedShutdownTerminateActorSystem { get; init; } = true;

    /// <summary>The clock behind the scheduler, timers and receive timeouts. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
