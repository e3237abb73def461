namespace ActorSockets.LoadTool;

/// <summary>What the load generator does with its connections.</summary>
public enum LoadMode
{
    /// <summary>Closed-loop echo round trips on long-lived connections, every reply byte verified.</summary>
    Echo,

    /// <summary>Each worker opens a connection, optionally makes one verified round trip, closes it, and repeats.</summary>
    ConnectStorm,

    /// <summary>Opens the connections, makes one verified round trip on each, then holds them open and idle.</summary>
    Idle,
}
