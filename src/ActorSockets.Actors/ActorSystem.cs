using ActorSockets.Actors.Internal;
using ActorSockets.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors;

/// <summary>
/// A hierarchy of actors with its settings, scheduler, event stream, dead letters and extensions.
/// User actors live under <c>/user</c>, runtime actors (such as the IO managers) under <c>/system</c>.
/// </summary>
public abstract class ActorSystem : IActorRefFactory, IDisposable, IAsyncDisposable
{
    /// <summary>The system's name, used in actor paths (<c>akka://name/user/a</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The runtime settings.</summary>
    public abstract ActorSystemSettings Settings { get; }

    /// <summary>Where the runtime and <c>Context.Log</c> loggers come from.</summary>
    public abstract ILoggerFactory LoggerFactory { get; }

    /// <summary>The dead-letter reference: what is told to it is published as <see cref="DeadLetter"/>.</summary>
    public abstract IActorRef DeadLetters { get; }

    /// <summary>The system's publish/subscribe bus.</summary>
    public abstract EventStream EventStream { get; }

    /// <summary>The system's scheduler.</summary>
    public abstract IScheduler Scheduler { get; }

    /// <summary>Completes once every actor has stopped and the system's timers are released.</summary>
    public abstract Task WhenTerminated { get; }

    /// <summary>Creates a system with the default settings (the embedded <c>reference.conf</c>).</summary>
    /// <param name="name">Letters, digits, <c>-</c> and <c>_</c>, starting with a letter or digit.</param>
    public static ActorSystem Create(string name) => Create(name, ActorSystemSettings.Default);

    /// <summary>
    /// Creates a system configured by <paramref name="config"/> (its <c>actorsockets.actor</c> section,
    /// over the defaults) that logs through <paramref name="loggerFactory"/>.
    /// </summary>
    /// <exception cref="ConfigException">A setting is malformed.</exception>
    public static ActorSystem Create(string name, Config? config, ILoggerFactory? loggerFactory = null) =>
        Create(name, ActorSystemSettings.FromConfig(config ?? Config.Empty), loggerFactory);

    /// <summary>Creates a system configured by the HOCON text <paramref name="hocon"/>.</summary>
    /// <exception cref="ConfigException">The text or a setting is malformed.</exception>
    public static ActorSystem Create(string name, string hocon, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        return Create(name, ConfigFactory.ParseString(hocon), loggerFactory);
    }

    /// <summary>Creates a system with <paramref name="settings"/> that logs through <paramref name="loggerFactory"/>.</summary>
    public static ActorSystem Create(string name, ActorSystemSettings settings, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(settings);
        return ActorSystemImpl.Start(name, settings, loggerFactory);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public abstract IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Creates a runtime actor under <c>/system</c>; it outlives every user actor during shutdown.</summary>
    public abstract IActorRef SystemActorOf(Props props, string? name = null);

    /// <inheritdoc />
    public abstract ActorSelection ActorSelection(string path);

    /// <summary>Stops <paramref name="actor"/> asynchronously, as <c>Context.Stop</c> does.</summary>
    public abstract void Stop(IActorRef actor);

    /// <summary>
    /// Shuts the system down: runs <see cref="CoordinatedShutdown"/> (unless configured not to), then
    /// stops every user actor, then every system actor. Returns <see cref="WhenTerminated"/>.
    /// </summary>
    public abstract Task Terminate();

    /// <summary>The extension of type <typeparamref name="T"/>, created by <paramref name="factory"/> on first use (once per system).</summary>
    public abstract T GetOrCreateExtension<T>(Func<ExtendedActorSystem, T> factory) where T : class;

    /// <summary>Registers the extension <paramref name="factory"/> creates unless one of type <typeparamref name="T"/> exists; returns the registered one.</summary>
    public T RegisterExtension<T>(Func<ExtendedActorSystem, T> factory) where T : class => GetOrCreateExtension(factory);

    /// <summary>The extension of type <typeparamref name="T"/>, or null when none was created.</summary>
    public abstract T? GetExtension<T>() where T : class;

    /// <summary>Whether an extension of type <typeparamref name="T"/> exists.</summary>
    public bool HasExtension<T>() where T : class => GetExtension<T>() is not null;

    /// <summary>Starts termination without waiting for it (use <see cref="DisposeAsync"/> to wait).</summary>
    public void Dispose()
    {
        _ = Terminate();
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system and waits until it has.</summary>
    public async ValueTask DisposeAsync()
    {
        await Terminate().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"akka://{Name}";
}
