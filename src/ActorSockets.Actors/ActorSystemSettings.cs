using ActorSockets.Hocon;

namespace ActorSockets.Actors;

/// <summary>
/// The runtime's settings, read from the <c>actorsockets.actor</c> section of the configuration (see the
/// embedded <c>reference.conf</c> for every key and its default).
/// </summary>
public sealed class ActorSystemSettings
{
    private static readonly Lazy<Config> _reference = new(() => ConfigFactory.Load(null, typeof(ActorSystemSettings).Assembly));

    /// <summary>The settings with every default (from the embedded <c>reference.conf</c>).</summary>
    public static ActorSystemSettings Default { get; } = FromConfig(Config.Empty);

    /// <summary>The runtime's embedded defaults (<c>reference.conf</c>).</summary>
    public static Config ReferenceConfig => _reference.Value;

    /// <summary>
    /// The whole configuration the system was created with (the application's config over the runtime's
    /// defaults). Extensions read their own sections from it, falling back to their own defaults.
    /// </summary>
    public Config Config { get; init; } = ReferenceConfig;

    /// <summary>User messages an actor processes per mailbox run before yielding its thread. Defaults to 100.</summary>
    public int DefaultThroughput { get; init; } = 100;

    /// <summary>Throughput per named dispatcher, for <see cref="Props.WithDispatcher"/>. Empty by default.</summary>
    public IReadOnlyDictionary<string, int> Dispatchers { get; init; } = new Dictionary<string, int>();

    /// <summary>Bounded mailboxes by id, for <see cref="Props.WithMailbox"/>. Empty by default.</summary>
    public IReadOnlyDictionary<string, MailboxSettings> Mailboxes { get; init; } = new Dictionary<string, MailboxSettings>();

    /// <summary>The mailbox id (from <see cref="Mailboxes"/>) of actors whose props name none; null is the unbounded mailbox. Defaults to null.</summary>
    public string? DefaultMailbox { get; init; }

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

    /// <summary>
    /// Reads the settings from <c>actorsockets.actor</c> of <paramref name="config"/> layered over the
    /// embedded defaults.
    /// </summary>
    /// <exception cref="ConfigException">A value has the wrong type or is out of range.</exception>
    public static ActorSystemSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var full = config.WithFallback(ReferenceConfig).Resolve();
        var actor = full.GetConfig("actorsockets.actor");
        var shutdown = actor.GetConfig("coordinated-shutdown");
        return new ActorSystemSettings
        {
            Config = full,
            DefaultThroughput = Positive(actor, "default-dispatcher.throughput"),
            Dispatchers = actor.GetKeys("dispatchers").ToDictionary(
                id => id, id => Positive(actor, $"dispatchers.{id}.throughput"), StringComparer.Ordinal),
            Mailboxes = actor.GetKeys("mailboxes").ToDictionary(
                id => id, id => ReadMailbox(actor, id), StringComparer.Ordinal),
            DefaultMailbox = actor.GetString("default-mailbox", null) is { Length: > 0 } mailbox ? mailbox : null,
            AskTimeout = actor.GetTimeSpan("ask-timeout"),
            StashCapacity = Positive(actor, "stash-capacity"),
            LogDeadLetters = ReadLogDeadLetters(actor),
            LogDeadLettersSuspendDuration = actor.GetTimeSpan("log-dead-letters-suspend-duration"),
            LogDeadLettersDuringShutdown = actor.GetBoolean("log-dead-letters-during-shutdown"),
            DebugLifecycle = actor.GetBoolean("debug.lifecycle"),
            DebugUnhandled = actor.GetBoolean("debug.unhandled"),
            CoordinatedShutdownDefaultPhaseTimeout = shutdown.GetTimeSpan("default-phase-timeout"),
            CoordinatedShutdownRunByActorSystemTerminate = shutdown.GetBoolean("run-by-actor-system-terminate"),
            CoordinatedShutdownTerminateActorSystem = shutdown.GetBoolean("terminate-actor-system"),
            CoordinatedShutdownPhaseTimeouts = shutdown.GetKeys("phases").ToDictionary(
                phase => phase, phase => shutdown.GetTimeSpan($"phases.{phase}.timeout"), StringComparer.Ordinal),
        };
    }

    private static int Positive(Config config, string path)
    {
        var value = config.GetInt(path);
        return value > 0 ? value : throw new ConfigException($"actorsockets.actor.{path} must be positive, not {value}.");
    }

    private static MailboxSettings ReadMailbox(Config actor, string id)
    {
        var capacity = Positive(actor, $"mailboxes.{id}.mailbox-capacity");
        var strategy = actor.GetString($"mailboxes.{id}.overflow-strategy", "drop-newest") switch
        {
            "drop-newest" => MailboxOverflowStrategy.DropNewest,
            "fail" => MailboxOverflowStrategy.Fail,
            var other => throw new ConfigException(
                $"actorsockets.actor.mailboxes.{id}.overflow-strategy is \"{other}\"; use drop-newest or fail."),
        };
        return new MailboxSettings(capacity, strategy);
    }

    private static int ReadLogDeadLetters(Config actor)
    {
        var text = actor.GetString("log-dead-letters");
        return text switch
        {
            "on" or "true" or "yes" => 10,
            "off" or "false" or "no" => 0,
            _ => actor.GetInt("log-dead-letters") is var n and >= 0
                ? n
                : throw new ConfigException("actorsockets.actor.log-dead-letters must be on, off or a count."),
        };
    }
}
