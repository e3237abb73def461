using ActorSockets.Protocols.Internal;
using Akka.Actor;

namespace ActorSockets.Protocols.Clock;

/// <summary>
/// The session of the <c>clock</c> protocol: as soon as it starts it writes the time and closes the connection.
/// Whatever the client sends afterwards (the tutorial's client writes an acknowledgement) is ignored while the
/// close completes.
/// </summary>
public sealed class ClockSession : TcpSession
{
    private readonly ClockCodec _codec;

    /// <summary>Creates the session.</summary>
    public ClockSession(IActorRef connection, ClockCodec codec, SessionTimeouts timeouts)
        : base(connection, timeouts)
    {
        ArgumentNullException.ThrowIfNull(codec);
        _codec = codec;
        ReceiveConnectionEvents();
    }

    /// <summary>The props of a session for <paramref name="connection"/>.</summary>
    public static Props CreateProps(IActorRef connection, ClockCodec codec, SessionTimeouts timeouts) =>
        ActorProps.Of(() => new ClockSession(connection, codec, timeouts));

    /// <inheritdoc />
    protected override void PreStart()
    {
        base.PreStart();
        Write(_codec.Message());
        CloseConnection();
    }
}
