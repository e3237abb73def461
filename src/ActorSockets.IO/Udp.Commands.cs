using System.Net;
using ActorSockets.Actors;

namespace ActorSockets.IO;

public static partial class Udp
{
    /// <summary>
    /// Sent to the UDP manager to bind a datagram socket. The socket actor answers <see cref="Bound"/>
    /// (with the real port when port 0 was asked) or <see cref="CommandFailed"/>, and then delivers every
    /// datagram to <paramref name="Handler"/> as <see cref="Received"/>. Send <see cref="Send"/> and
    /// <see cref="Unbind"/> to the sender of <see cref="Bound"/>.
    /// </summary>
    /// <remarks>
    /// As in Akka.IO there is no flow control on <see cref="Received"/>: the socket reads the next datagram as
    /// soon as it has told the handler the previous one, so a burst waits in the handler's mailbox. A handler
    /// that cannot keep up sends <see cref="SuspendReading"/> (the kernel's receive buffer then fills and the
    /// kernel drops the excess) and <see cref="ResumeReading"/> later, or is created with a bounded mailbox.
    /// Datagrams above <c>actorsockets.io.udp.max-datagram-size</c> are dropped and counted, never delivered;
    /// the first drop is logged, then one summary per <c>drop-log-interval</c> while drops go on.
    /// </remarks>
    public sealed record Bind(IActorRef Handler, EndPoint LocalAddress, IReadOnlyList<Inet.SocketOption>? Options = null)
        : Command;

    /// <summary>
    /// Sent to the UDP manager for per-peer mode: one actor per remote endpoint, like one actor per TCP
    /// connection. The commander gets <see cref="Bound"/> (send <see cref="Unbind"/> to its sender) or
    /// <see cref="CommandFailed"/>. The first datagram from a new remote endpoint creates an actor from
    /// <paramref name="PeerProps"/>; it and every later datagram from that endpoint arrive at that actor as
    /// <see cref="Received"/>, whose sender takes <see cref="Send"/> for the replies. A peer actor that gets
    /// no datagram for <paramref name="IdleTimeout"/> is stopped; a new peer beyond
    /// <paramref name="MaxPeers"/> has its datagrams dropped until a slot frees up (logged as
    /// <see cref="Bind"/>'s drops are: the first, then a count per <c>drop-log-interval</c>). Datagrams reach
    /// the peer actors without flow control, as <see cref="Bind"/>'s reach its handler.
    /// </summary>
    /// <param name="PeerProps">Creates the actor for a remote endpoint.</param>
    /// <param name="LocalAddress">The endpoint to bind.</param>
    /// <param name="IdleTimeout">Null uses <c>actorsockets.io.udp.peer-idle-timeout</c> (60 s).</param>
    /// <param name="MaxPeers">Null uses <c>actorsockets.io.udp.max-peers</c> (10,000).</param>
    /// <param name="Options">Socket options for the bound socket.</param>
    public sealed record BindPerPeer(
        Func<EndPoint, Props> PeerProps,
        EndPoint LocalAddress,
        TimeSpan? IdleTimeout = null,
        int? MaxPeers = null,
        IReadOnlyList<Inet.SocketOption>? Options = null) : Command;

    /// <summary>Closes a bound socket; answered with <see cref="Unbound"/>.</summary>
    public sealed record Unbind : Command
    {
        public static Unbind Instance { get; } = new();

        private Unbind()
        {
        }
    }

    /// <summary>
    /// Sends <paramref name="Payload"/> as one datagram to <paramref name="Target"/>. The sender gets
    /// <paramref name="Ack"/> once the kernel took it (unless it is <see cref="NoAck"/>), or
    /// <see cref="CommandFailed"/>: payload above <c>actorsockets.io.udp.max-datagram-size</c>, a full send
    /// buffer, an unreachable target.
    /// </summary>
    public sealed record Send(ByteString Payload, EndPoint Target, Event Ack) : Command
    {
        /// <summary>A send without acknowledgement.</summary>
        public Send(ByteString payload, EndPoint target)
            : this(payload, target, NoAck.Instance)
        {
        }

        /// <summary>True when the sender wants an acknowledgement.</summary>
        public bool WantsAck => Ack is not NoAck;
    }

    /// <summary>
    /// Sent to the UDP manager for an unbound socket that only sends; answered with
    /// <see cref="SimpleSenderReady"/> from the actor that takes <see cref="Send"/> from then on.
    /// </summary>
    public sealed record SimpleSender(IReadOnlyList<Inet.SocketOption>? Options = null) : Command;

    /// <summary>Stops delivering datagrams; the kernel buffers (and eventually drops) what arrives meanwhile.</summary>
    public sealed record SuspendReading : Command
    {
        public static SuspendReading Instance { get; } = new();

        private SuspendReading()
        {
        }
    }

    /// <summary>Resumes delivering datagrams after <see cref="SuspendReading"/>.</summary>
    public sealed record ResumeReading : Command
    {
        public static ResumeReading Instance { get; } = new();

        private ResumeReading()
        {
        }
    }
}
