using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>Well-known actor references.</summary>
public static class ActorRefs
{
    /// <summary>A reference that drops everything told to it; returned by lookups that found no actor.</summary>
    public static IActorRef Nobody => NobodyRef.Instance;

    /// <summary>Use as the sender when there is none; receivers then see dead letters as <c>Sender</c>.</summary>
    public static readonly IActorRef? NoSender;
}
