using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// Applies the directive to all children when one fails: use it when the children are so coupled
/// that one failing invalidates the others.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>A strategy with <paramref name="decider"/> and unlimited restarts.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, null, decider)
    {
    }

    /// <summary>
    /// A strategy that allows <paramref name="maxNrOfRetries"/> restarts within
    /// <paramref name="withinTimeRange"/>, counted on the failing child, and stops all children after that.
    /// </summary>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(decider, maxNrOfRetries, withinTimeRange, loggingEnabled)
    {
    }

    private protected override void ProcessFailure(ActorCell supervisor, bool restart, IActorRef child, Exception cause, ChildRestartStats stats)
    {
        var children = supervisor.ChildrenSnapshot();
        if (restart && RequestRestartPermission(stats))
        {
            foreach (var sibling in children)
            {
                supervisor.RestartChild(sibling, cause);
            }
        }
        else
        {
            foreach (var sibling in children)
            {
                supervisor.Stop(sibling);
            }
        }
    }
}
