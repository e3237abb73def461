using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Hi;

/// <summary>The session of the <c>hi</c> protocol: the first read is answered <c>hi</c> and the connection closes.</summary>
public sealed class HiSession : TcpSession
{
    private readonly HiCodec _codec;

    /// <summary>Creates the session.</summary>
    public HiSession(IActorRef connection, HiCodec codec, SessionTimeouts timeouts)
        : base(connection, timeouts)
    {
        ArgumentNullException.ThrowIfNull(codec);
        _codec = codec;
        WaitingForMessage();
    }

    /// <summary>The props of a session for <paramref name="connection"/>.</summary>
    public static Props CreateProps(IActorRef connection, HiCodec codec, SessionTimeouts timeouts) =>
        ActorProps.Of(() => new HiSession(connection, codec, timeouts));

    private void WaitingForMessage()
    {
        Receive<Tcp.Received>(received =>
        {
            CountReceived(received);
            if (!received.Data.IsEmpty)
            {
                Write(_codec.Reply);
                CloseConnection();
            }
        });
        ReceiveConnectionEvents();
    }
}
