namespace ActorSockets.Actors;

/// <summary>Completion without a value, as returned by coordinated shutdown tasks.</summary>
public sealed record Done
{
    private Done() { }

    /// <summary>The single instance.</summary>
    public static Done Instance { get; } = new();
}
