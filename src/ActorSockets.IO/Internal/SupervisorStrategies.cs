using ActorSockets.Actors;

namespace ActorSockets.IO.Internal;

/// <summary>Supervision shared by the IO actors.</summary>
internal static class SupervisorStrategies
{
    /// <summary>
    /// Stops a failing child instead of restarting it: a restarted listener or connection would have lost
    /// its socket, and its PostStop has already released it.
    /// </summary>
    public static SupervisorStrategy StopOnFailure { get; } = new OneForOneStrategy(_ => Directive.Stop);
}
