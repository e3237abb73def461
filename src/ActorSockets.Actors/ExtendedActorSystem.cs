namespace ActorSockets.Actors;

/// <summary>The system as extensions see it: with the guardians and the root of the hierarchy.</summary>
public abstract class ExtendedActorSystem : ActorSystem
{
    /// <summary>The <c>/user</c> guardian, parent of every <c>system.ActorOf</c> actor.</summary>
    public abstract IActorRef Guardian { get; }

    /// <summary>The <c>/system</c> guardian, parent of every <c>SystemActorOf</c> actor.</summary>
    public abstract IActorRef SystemGuardian { get; }

    /// <summary>The root guardian <c>/</c>.</summary>
    public abstract IActorRef RootGuardian { get; }
}
