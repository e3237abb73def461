using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Ok;

/// <summary>
/// The session of the <c>ok</c> protocol: every read is answered <c>OK</c>; when the endpoint's idle timeout
/// fires the peer is told <c>Time out</c> and the connection closes, as the tutorial's <c>conn.settimeout(10)</c> does.
/// </summary>
public sealed class OkSession : TcpSession
{
    private readonly OkCodec _codec;

    /// <summary>Creates the session.</summary>
    /// <param name="connection">The connection actor.</param>
    /// <param name="codec">The reply texts.</param>
    /// <param name="timeouts">The idle timeout (10 s on the default endpoint) and the close timeout.</param>
    public OkSession(IActorRef connection, OkCodec codec, SessionTimeouts timeouts)
        : base(connection, timeouts)
    {
        ArgumentNullException.ThrowIfNull(codec);
        _codec = codec;
        Answering();
    }

    /// <summary>The props of a session for <paramref name="connection"/>.</summary>
    public static Props CreateProps(IActorRef connection, OkCodec codec, SessionTimeouts timeouts) =>
        ActorProps.Of(() => new OkSession(connection, codec, timeouts));

    /// <inheritdoc />
    protected override void OnIdle()
    {
        Write(_codec.TimeoutNotice);
        CloseConnection();
    }

    private void Answering()
    {
        Receive<Tcp.Received>(received =>
        {
            CountReceived(received);
            if (!received.Data.IsEmpty)
            {
                Write(_codec.Reply);
            }
        });
        ReceiveConnectionEvents();
    }
}
