using System.Net;

namespace ActorSockets.IO;

public static partial class Udp
{
    /// <summary>The socket is bound to <paramref name="LocalAddress"/>; the sender takes <see cref="Send"/> and <see cref="Unbind"/>.</summary>
    public sealed record Bound(EndPoint LocalAddress) : Event;

    /// <summary>The socket is closed and its actor stopped.</summary>
    public sealed record Unbound : Event
    {
        public static Unbound Instance { get; } = new();

        private Unbound()
        {
        }
    }

    /// <summary>One datagram, <paramref name="Data"/> immutable and owned by the handler, from <paramref name="Sender"/>.</summary>
    public sealed record Received(ByteString Data, EndPoint Sender) : Event;

    /// <summary>The simple sender is ready; its actor is the sender of this message.</summary>
    public sealed record SimpleSenderReady : Event
    {
        public static SimpleSenderReady Instance { get; } = new();

        private SimpleSenderReady()
        {
        }
    }

    /// <summary><paramref name="Cmd"/> could not be carried out; <paramref name="Cause"/> says why when known.</summary>
    public sealed record CommandFailed(Command Cmd, Exception? Cause = null) : Event;

    /// <summary>The acknowledgement meaning "none wanted".</summary>
    public sealed record NoAck : Event
    {
        public static NoAck Instance { get; } = new();

        private NoAck()
        {
        }
    }
}
