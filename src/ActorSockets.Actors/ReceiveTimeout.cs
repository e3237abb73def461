namespace ActorSockets.Actors;

/// <summary>
/// Sent to an actor that set a receive timeout and received nothing for that long; repeats while the
/// actor stays idle. See <see cref="IActorContext.SetReceiveTimeout"/>.
/// </summary>
public sealed record ReceiveTimeout : INotInfluenceReceiveTimeout
{
    private ReceiveTimeout() { }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();
}
