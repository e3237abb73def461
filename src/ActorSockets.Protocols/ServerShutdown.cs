namespace ActorSockets.Protocols;

/// <summary>
/// Told to a session (and by the endpoint listener to all of them) when the server shuts down: the session
/// says goodbye if its protocol has a way to, and closes its connection after flushing what it wrote.
/// </summary>
public sealed record ServerShutdown
{
    private ServerShutdown()
    {
    }

    /// <summary>The single instance.</summary>
    public static ServerShutdown Instance { get; } = new();
}
