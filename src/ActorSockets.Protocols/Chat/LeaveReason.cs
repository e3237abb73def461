namespace ActorSockets.Protocols.Chat;

/// <summary>Why a member left a room, shown in the leave notice the others see.</summary>
public enum LeaveReason
{
    /// <summary>The member typed <c>/quit</c>.</summary>
    Quit = 0,

    /// <summary>The connection closed without <c>/quit</c> (peer closed, reset or error).</summary>
    Disconnected,

    /// <summary>The member was idle longer than the endpoint's idle timeout.</summary>
    Timeout,

    /// <summary>The member stopped reading and its outbound queue filled up, so the server dropped it.</summary>
    Dropped,

    /// <summary>The server is shutting down.</summary>
    ServerShutdown,

    /// <summary>The member moved to another room with <c>/join</c>.</summary>
    Moved,

    /// <summary>The member's host (another host of the cluster) stopped answering and was removed from the cluster.</summary>
    HostLost,
}
