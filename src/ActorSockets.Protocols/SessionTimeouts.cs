namespace ActorSockets.Protocols;

/// <summary>The timeouts a session applies to its connection.</summary>
/// <param name="Idle">How long the connection may stay without input before the protocol's timeout behaviour; null for never.</param>
/// <param name="CloseAfter">How long a closing session waits for the connection to confirm the close; null for the default of 5 s.</param>
public sealed record SessionTimeouts(TimeSpan? Idle = null, TimeSpan? CloseAfter = null)
{
    /// <summary>No idle timeout, and 5 s to close.</summary>
    public static SessionTimeouts Default { get; } = new();

    /// <summary>How long a closing session waits for the connection to confirm the close.</summary>
    public TimeSpan Close => CloseAfter ?? TimeSpan.FromSeconds(5);

    /// <summary>The timeouts of <paramref name="endpoint"/>.</summary>
    public static SessionTimeouts For(EndpointSettings endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new SessionTimeouts(endpoint.IdleTimeout, endpoint.CloseTimeout);
    }
}
