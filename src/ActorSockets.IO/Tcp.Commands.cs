using System.Net;
using ActorSockets.Actors;

namespace ActorSockets.IO;

public static partial class Tcp
{
    /// <summary>
    /// Sent to the TCP manager to listen on <paramref name="LocalAddress"/> (an <see cref="IPEndPoint"/>,
    /// IPv4 or IPv6, or a <see cref="System.Net.Sockets.UnixDomainSocketEndPoint"/>). The listener answers
    /// <see cref="Bound"/> with the real address (port 0 picks a free port) or <see cref="CommandFailed"/>
    /// with the cause, such as an address already in use. Every accepted connection is announced to
    /// <paramref name="Handler"/> as <see cref="Connected"/>, with the connection actor as sender.
    /// </summary>
    /// <param name="Handler">Receives <see cref="Connected"/> for every accepted connection.</param>
    /// <param name="LocalAddress">The endpoint to listen on.</param>
    /// <param name="Backlog">The kernel's queue of not-yet-accepted connections. Null uses <c>actorsockets.io.tcp.backlog</c> (1024).</param>
    /// <param name="Options">Socket options for the listening socket and every accepted one.</param>
    /// <param name="PullMode">
    /// When true the listener accepts nothing until it gets <see cref="ResumeAccepting"/>, and accepted
    /// connections read nothing until they get <see cref="ResumeReading"/>. Defaults to false.
    /// </param>
    public sealed record Bind(
        IActorRef Handler,
        EndPoint LocalAddress,
        int? Backlog = null,
        IReadOnlyList<Inet.SocketOption>? Options = null,
        bool PullMode = false) : Command;

    /// <summary>Sent to a listener (the sender of <see cref="Bound"/>) to stop listening; answered with <see cref="Unbound"/>.</summary>
    public sealed record Unbind : Command
    {
        public static Unbind Instance { get; } = new();

        private Unbind()
        {
        }
    }

    /// <summary>
    /// Sent to the TCP manager to open an outgoing connection. The commander gets <see cref="Connected"/>
    /// from the new connection actor, or <see cref="CommandFailed"/> (refused, unreachable, timed out).
    /// </summary>
    /// <param name="RemoteAddress">Where to connect: an IP endpoint, a <see cref="DnsEndPoint"/> or a Unix domain socket path.</param>
    /// <param name="LocalAddress">The local endpoint to bind first, or null to let the kernel choose.</param>
    /// <param name="Options">Socket options for the new socket.</param>
    /// <param name="Timeout">How long the connect may take. Null uses <c>actorsockets.io.tcp.connect-timeout</c> (10 s).</param>
    /// <param name="PullMode">When true the connection reads only on <see cref="ResumeReading"/>. Defaults to false.</param>
    public sealed record Connect(
        EndPoint RemoteAddress,
        EndPoint? LocalAddress = null,
        IReadOnlyList<Inet.SocketOption>? Options = null,
        TimeSpan? Timeout = null,
        bool PullMode = false) : Command;

    /// <summary>
    /// Sent to a connection actor (the sender of <see cref="Connected"/>) to name the actor that receives
    /// its data and close events. Nothing is read from the socket before it arrives; a connection not
    /// registered within <c>actorsockets.io.tcp.register-timeout</c> is closed. The connection watches the
    /// handler and closes the socket when the handler stops. In push mode (the default) data is read as
    /// fast as the peer sends it; a handler that may fall behind should use <see cref="SuspendReading"/>
    /// or pull mode, which leave unread data in the kernel and slow the peer down through TCP flow control.
    /// </summary>
    /// <param name="Handler">Receives <see cref="Received"/> and every close event.</param>
    /// <param name="KeepOpenOnPeerClosed">
    /// When true, a peer's half-close is reported as <see cref="PeerClosed"/> and the connection stays open
    /// for writing until a <see cref="CloseCommand"/>; when false (the default) the connection closes.
    /// </param>
    /// <param name="UseResumeWriting">
    /// When true (the default), after one write is refused with <see cref="CommandFailed"/> every further
    /// write is refused too, until <see cref="ResumeWriting"/> (NACK-based back-pressure).
    /// </param>
    public sealed record Register(IActorRef Handler, bool KeepOpenOnPeerClosed = false, bool UseResumeWriting = true)
        : Command;

    /// <summary>
    /// Sent to a connection to write <paramref name="Data"/>. When the kernel has taken all of it, the
    /// sender gets <paramref name="Ack"/> unless it is <see cref="NoAck"/>. A write is always sent whole
    /// and in order. While a write is in flight, later writes wait in a queue bounded by
    /// <c>actorsockets.io.tcp.write-queue-limit</c>; a write that does not fit is refused with
    /// <see cref="CommandFailed"/>.
    /// </summary>
    public sealed record Write(ByteString Data, Event Ack) : Command
    {
        /// <summary>A write without acknowledgement.</summary>
        public Write(ByteString data)
            : this(data, NoAck.Instance)
        {
        }

        /// <summary>An empty write: useful only for its acknowledgement, which arrives once earlier writes are sent.</summary>
        public static Write Empty { get; } = new(ByteString.Empty);

        /// <summary>True when the sender wants an acknowledgement.</summary>
        public bool WantsAck => Ack is not NoAck;
    }

    /// <summary>
    /// Sent to a connection after a refused write (with <see cref="Register.UseResumeWriting"/>); answered
    /// with <see cref="WritingResumed"/> once every accepted write has been sent, after which writes are
    /// accepted again.
    /// </summary>
    public sealed record ResumeWriting : Command
    {
        public static ResumeWriting Instance { get; } = new();

        private ResumeWriting()
        {
        }
    }

    /// <summary>
    /// Stops reading from the socket: a read already in progress may still deliver one
    /// <see cref="Received"/>; everything else waits in the kernel (nothing is lost) until
    /// <see cref="ResumeReading"/>, and the peer is slowed down by TCP flow control.
    /// </summary>
    public sealed record SuspendReading : Command
    {
        public static SuspendReading Instance { get; } = new();

        private SuspendReading()
        {
        }
    }

    /// <summary>
    /// Resumes reading after <see cref="SuspendReading"/>. In pull mode, allows exactly one more
    /// <see cref="Received"/>.
    /// </summary>
    public sealed record ResumeReading : Command
    {
        public static ResumeReading Instance { get; } = new();

        private ResumeReading()
        {
        }
    }

    /// <summary>Sent to a pull-mode listener to accept up to <paramref name="BatchSize"/> more connections.</summary>
    public sealed record ResumeAccepting(int BatchSize) : Command;

    /// <summary>A command that closes a connection; <see cref="Event"/> is what the handler and the commander get.</summary>
    public abstract record CloseCommand : Command
    {
        /// <summary>The close event this command leads to.</summary>
        public abstract ConnectionClosed Event { get; }
    }

    /// <summary>Sends what was accepted for writing, then FIN, then closes the socket; answered with <see cref="Closed"/>.</summary>
    public sealed record Close : CloseCommand
    {
        public static Close Instance { get; } = new();

        private Close()
        {
        }

        public override ConnectionClosed Event => Closed.Instance;
    }

    /// <summary>
    /// Sends what was accepted for writing, then FIN, keeps reading until the peer closes too, and answers
    /// with <see cref="ConfirmedClosed"/>. Sent before <see cref="Register"/>, what the peer still sends is
    /// delivered to the sender of this command, which stands in for the handler.
    /// </summary>
    public sealed record ConfirmedClose : CloseCommand
    {
        public static ConfirmedClose Instance { get; } = new();

        private ConfirmedClose()
        {
        }

        public override ConnectionClosed Event => ConfirmedClosed.Instance;
    }

    /// <summary>Drops pending writes and resets the connection (RST); answered with <see cref="Aborted"/>.</summary>
    public sealed record Abort : CloseCommand
    {
        public static Abort Instance { get; } = new();

        private Abort()
        {
        }

        public override ConnectionClosed Event => Aborted.Instance;
    }
}
