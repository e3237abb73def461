namespace ActorSockets.LoadTool;

/// <summary>The kinds of failure the load generator counts separately.</summary>
public enum LoadErrorKind
{
    /// <summary>The target refused the connection.</summary>
    ConnectRefused,

    /// <summary>The connection was not established within the connect timeout.</summary>
    ConnectTimeout,

    /// <summary>Connecting failed for another reason (for example no free local port).</summary>
    ConnectFailed,

    /// <summary>The peer reset an established connection.</summary>
    Reset,

    /// <summary>The peer closed an established connection while a reply was still expected.</summary>
    PeerClosed,

    /// <summary>A reply did not arrive within the reply timeout.</summary>
    ReplyTimeout,

    /// <summary>The echoed bytes differed from the bytes sent.</summary>
    Mismatch,

    /// <summary>Any other socket error.</summary>
    Other,
}
