using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>Applies the directive only to the child that failed.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>A strategy with <paramref name="decider"/> and unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, null, decider)
    {
    }

    /// <summary>
    /// A strategy that allows <paramref name="maxNrOfRetries"/> restarts per child within
    /// <paramref name="withinTimeRange"/> (negative: unlimited; null window: over the child's life) and stops the child after that.
    /// </summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(decider, maxNrOfRetries, withinTimeRange, loggingEnabled)
    {
    }

    private protected override void ProcessFailure(ActorCell supervisor, bool restart, IActorRef child, Exception cause, ChildRestartStats stats)
    {
        if (restart && RequestRestartPermission(stats))
        {
            supervisor.RestartChild(child, cause);
        }
        else
        {
            supervisor.Stop(child);
        }
    }
}
