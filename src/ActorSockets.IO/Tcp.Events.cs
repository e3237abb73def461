using System.Net;

namespace ActorSockets.IO;

public static partial class Tcp
{
    /// <summary>The listener is accepting on <paramref name="LocalAddress"/> (with the real port when port 0 was asked).</summary>
    public sealed record Bound(EndPoint LocalAddress) : Event;

    /// <summary>The listener has closed its socket and stopped.</summary>
    public sealed record Unbound : Event
    {
        public static Unbound Instance { get; } = new();

        private Unbound()
        {
        }
    }

    /// <summary>
    /// A connection is established. The sender is the connection actor, which expects
    /// <see cref="Register"/> next.
    /// </summary>
    public sealed record Connected(EndPoint RemoteAddress, EndPoint LocalAddress) : Event;

    /// <summary>Bytes read from the socket. <paramref name="Data"/> is immutable and belongs to the handler.</summary>
    public sealed record Received(ByteString Data) : Event;

    /// <summary>
    /// <paramref name="Cmd"/> could not be carried out. For a <see cref="Write"/> this is the NACK of
    /// NACK-based back-pressure; <paramref name="Cause"/> says why when known.
    /// </summary>
    public sealed record CommandFailed(Command Cmd, Exception? Cause = null) : Event;

    /// <summary>Answer to <see cref="ResumeWriting"/>: every accepted write is sent, new writes are accepted.</summary>
    public sealed record WritingResumed : Event
    {
        public static WritingResumed Instance { get; } = new();

        private WritingResumed()
        {
        }
    }

    /// <summary>The acknowledgement meaning "none wanted": a <see cref="Write"/> with it is not acknowledged.</summary>
    public sealed record NoAck : Event
    {
        public static NoAck Instance { get; } = new();

        private NoAck()
        {
        }
    }

    /// <summary>
    /// The connection is closed, or (for <see cref="PeerClosed"/> with keep-open) half-closed. Every close
    /// event reaches the handler and the commander of the close.
    /// </summary>
    public abstract record ConnectionClosed : Event
    {
        public virtual bool IsAborted => false;

        public virtual bool IsConfirmed => false;

        public virtual bool IsPeerClosed => false;

        public virtual bool IsErrorClosed => false;

        /// <summary>The error that closed the connection, for <see cref="ErrorClosed"/>; null otherwise.</summary>
        public virtual string? Cause => null;
    }

    /// <summary>Closed after <see cref="Close"/>: pending writes were sent, then FIN.</summary>
    public sealed record Closed : ConnectionClosed
    {
        public static Closed Instance { get; } = new();

        private Closed()
        {
        }
    }

    /// <summary>Closed after <see cref="Abort"/>: pending writes were dropped and the peer got RST.</summary>
    public sealed record Aborted : ConnectionClosed
    {
        public static Aborted Instance { get; } = new();

        private Aborted()
        {
        }

        public override bool IsAborted => true;
    }

    /// <summary>Closed after <see cref="ConfirmedClose"/>: both sides sent FIN.</summary>
    public sealed record ConfirmedClosed : ConnectionClosed
    {
        public static ConfirmedClosed Instance { get; } = new();

        private ConfirmedClosed()
        {
        }

        public override bool IsConfirmed => true;
    }

    /// <summary>
    /// The peer closed its sending side. Without <see cref="Register.KeepOpenOnPeerClosed"/> the connection
    /// then closes (after sending what was accepted for writing); with it, writing stays possible.
    /// </summary>
    public sealed record PeerClosed : ConnectionClosed
    {
        public static PeerClosed Instance { get; } = new();

        private PeerClosed()
        {
        }

        public override bool IsPeerClosed => true;
    }

    /// <summary>The connection failed (reset by the peer, or a socket error); it is closed.</summary>
    public sealed record ErrorClosed(string ErrorCause) : ConnectionClosed
    {
        public override bool IsErrorClosed => true;

        public override string? Cause => ErrorCause;
    }
}
