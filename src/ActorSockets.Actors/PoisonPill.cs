using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// Stops the receiving actor once it reaches this message in its mailbox: messages queued before it
/// are processed, messages after it go to dead letters.
/// </summary>
public sealed record PoisonPill : IAutoReceivedMessage
{
    private PoisonPill() { }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}
