using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// Makes the receiving actor fail with an <see cref="ActorKilledException"/> when processed; the
/// default supervisor strategy then stops it.
/// </summary>
public sealed record Kill : IAutoReceivedMessage
{
    private Kill() { }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();
}
