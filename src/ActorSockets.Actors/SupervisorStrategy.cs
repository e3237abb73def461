using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// Decides what happens to a failed child. The decider maps the exception to a <see cref="Directive"/>;
/// a restart beyond <see cref="MaxNumberOfRetries"/> within <see cref="WithinTimeRange"/> becomes a stop.
/// </summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy(Func<Exception, Directive> decider, int maxNumberOfRetries, TimeSpan? withinTimeRange, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        Decider = decider;
        MaxNumberOfRetries = maxNumberOfRetries;
        WithinTimeRange = withinTimeRange;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>
    /// Stops on <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/>; restarts on anything else.
    /// </summary>
    public static Func<Exception, Directive> DefaultDecider { get; } = static cause => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one with <see cref="DefaultDecider"/> and unlimited restarts.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one that stops every failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; negative means unlimited, zero means never.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window restarts are counted in; null counts over the child's whole life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Whether failures are logged (Error, Warning for resumes). Defaults to true.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>Applies the directive to the failed child (one-for-one) or to all children (all-for-one).</summary>
    private protected abstract void ProcessFailure(ActorCell supervisor, bool restart, IActorRef child, Exception cause, ChildRestartStats stats);

    /// <summary>Handles a child's failure; false means escalate.</summary>
    internal bool HandleFailure(ActorCell supervisor, IActorRef child, Exception cause, ChildRestartStats stats)
    {
        var directive = Decider(cause);
        switch (directive)
        {
            case Directive.Resume:
                Log(supervisor, child, cause, directive);
                supervisor.ResumeChild(child, cause);
                return true;
            case Directive.Restart:
                Log(supervisor, child, cause, directive);
                ProcessFailure(supervisor, true, child, cause, stats);
                return true;
            case Directive.Stop:
                Log(supervisor, child, cause, directive);
                ProcessFailure(supervisor, false, child, cause, stats);
                return true;
            default:
                return false;
        }
    }

    private protected bool RequestRestartPermission(ChildRestartStats stats) =>
        stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange);

    private void Log(ActorCell supervisor, IActorRef child, Exception cause, Directive directive)
    {
        if (!LoggingEnabled)
        {
            return;
        }
        var logger = supervisor.SystemImpl.SupervisionLogger;
        if (directive == Directive.Resume)
        {
            SupervisionLog.ChildResumed(logger, child.Path, cause.GetType().Name, cause.Message, cause);
        }
        else
        {
            SupervisionLog.ChildFailed(logger, child.Path, directive, cause.GetType().Name, cause.Message, cause);
        }
    }
}
