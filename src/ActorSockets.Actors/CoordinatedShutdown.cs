using ActorSockets.Actors.Internal;
using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors;

/// <summary>
/// Runs registered tasks in ordered phases when the system shuts down: stop accepting connections
/// (<see cref="PhaseServiceUnbind"/>), let in-flight requests finish (<see cref="PhaseServiceRequestsDone"/>),
/// stop services (<see cref="PhaseServiceStop"/>), and finally terminate the actor system. Tasks of one
/// phase run concurrently; a phase that exceeds its timeout (<c>actorsockets.actor.coordinated-shutdown.phases</c>)
/// is logged and the next phase starts anyway. <see cref="Run"/> is idempotent.
/// </summary>
public sealed partial class CoordinatedShutdown
{
    /// <summary>The first phase, for anything that must happen before services unbind.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Stop accepting new connections and requests.</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>Wait for in-flight requests to finish.</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";

    /// <summary>Stop the services.</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>The last phase before the actor system terminates.</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>Terminates the actor system (when <c>terminate-actor-system</c> is on).</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    private static readonly string[] _phases =
    [
        PhaseBeforeServiceUnbind,
        PhaseServiceUnbind,
        PhaseServiceRequestsDone,
        PhaseServiceStop,
        PhaseBeforeActorSystemTerminate,
        PhaseActorSystemTerminate,
    ];

    private readonly ActorSystemImpl _system;
    private readonly ILogger _logger;
    private readonly Dictionary<string, List<(string Name, Func<Task<Done>> Task)>> _tasks = [];
    private readonly object _gate = new();
    private Task<Done>? _run;
    private Reason? _reason;

    private CoordinatedShutdown(ActorSystemImpl system)
    {
        _system = system;
        _logger = system.LoggerFactory.CreateLogger<CoordinatedShutdown>();
    }

    /// <summary>The phases in the order they run.</summary>
    public static IReadOnlyList<string> OrderedPhases => _phases;

    /// <summary>Why shutdown was started, or null while it has not been.</summary>
    public Reason? ShutdownReason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    /// <summary>The coordinated shutdown of <paramref name="system"/> (one per system).</summary>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrCreateExtension(static s => new CoordinatedShutdown((ActorSystemImpl)s));
    }

    /// <summary>The timeout of <paramref name="phase"/>.</summary>
    public TimeSpan Timeout(string phase) =>
        _system.Settings.CoordinatedShutdownPhaseTimeouts.TryGetValue(phase, out var timeout)
            ? timeout
            : _system.Settings.CoordinatedShutdownDefaultPhaseTimeout;

    /// <summary>Adds a task to <paramref name="phase"/>; it must complete within the phase's timeout.</summary>
    /// <exception cref="ArgumentException">The phase is unknown.</exception>
    /// <exception cref="InvalidOperationException">Shutdown has already started.</exception>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(task);
        if (Array.IndexOf(_phases, phase) < 0)
        {
            throw new ArgumentException($"Unknown coordinated shutdown phase [{phase}]; the phases are {string.Join(", ", _phases)}.", nameof(phase));
        }
        lock (_gate)
        {
            if (_run is not null)
            {
                throw new InvalidOperationException($"Cannot add the task [{taskName}]: coordinated shutdown has already started.");
            }
            if (!_tasks.TryGetValue(phase, out var list))
            {
                list = [];
                _tasks[phase] = list;
            }
            list.Add((taskName, task));
        }
    }

    /// <summary>Runs every phase (or those from <paramref name="fromPhase"/> on) once; later calls return the same task.</summary>
    public Task<Done> Run(Reason reason, string? fromPhase = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            if (_run is null)
            {
                _reason = reason;
                var start = fromPhase is null ? 0 : Array.IndexOf(_phases, fromPhase);
                if (start < 0)
                {
                    throw new ArgumentException($"Unknown coordinated shutdown phase [{fromPhase}].", nameof(fromPhase));
                }
                _run = Task.Run(() => RunPhases(reason, start));
            }
            return _run;
        }
    }

    private async Task<Done> RunPhases(Reason reason, int start)
    {
        CoordinatedShutdownLog.Starting(_logger, reason.ToString() ?? reason.GetType().Name);
        for (var i = start; i < _phases.Length; i++)
        {
            var phase = _phases[i];
            List<(string Name, Func<Task<Done>> Task)> tasks;
            lock (_gate)
            {
                tasks = _tasks.TryGetValue(phase, out var list) ? [.. list] : [];
            }
            if (phase == PhaseActorSystemTerminate && _system.Settings.CoordinatedShutdownTerminateActorSystem)
            {
                tasks.Add(("terminate-actor-system", TerminateSystem));
            }
            if (tasks.Count == 0)
            {
                continue;
            }
            await RunPhase(phase, tasks).ConfigureAwait(false);
        }
        return Done.Instance;
    }

    private async Task RunPhase(string phase, List<(string Name, Func<Task<Done>> Task)> tasks)
    {
        var timeout = Timeout(phase);
        var running = tasks.Select(t => (t.Name, Task: StartTask(phase, t.Name, t.Task))).ToArray();
        var all = Task.WhenAll(running.Select(r => r.Task));
        var finished = await Task.WhenAny(all, Task.Delay(timeout, _system.TimeProvider)).ConfigureAwait(false);
        if (finished != all)
        {
            var late = string.Join(", ", running.Where(r => !r.Task.IsCompleted).Select(r => r.Name));
            CoordinatedShutdownLog.PhaseTimedOut(_logger, phase, timeout, late);
        }
    }

    private async Task StartTask(string phase, string name, Func<Task<Done>> task)
    {
        try
        {
            await task().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            CoordinatedShutdownLog.TaskFailed(_logger, name, phase, e.GetType().Name, e.Message, e);
        }
    }

    private async Task<Done> TerminateSystem()
    {
        _system.FinalTerminate();
        await _system.WhenTerminated.ConfigureAwait(false);
        return Done.Instance;
    }
}
