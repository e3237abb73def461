using System.Net;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.IO;

/// <summary>
/// Sent to ActorSockets' UDP manager (<see cref="SocketsExtensions.SocketsUdp"/>) for per-peer mode, which Akka.IO
/// does not have: one actor per remote endpoint, like one actor per TCP connection. The commander gets
/// <see cref="Udp.Bound"/> (send <see cref="Udp.Unbind"/> to its sender) or <see cref="Udp.CommandFailed"/>. The
/// first datagram from a new remote endpoint creates an actor from <see cref="PeerProps"/>; it and every later
/// datagram from that endpoint arrive at that actor as <see cref="Udp.Received"/>, whose sender takes
/// <see cref="Udp.Send"/> for the replies. A peer actor that gets no datagram for <see cref="IdleTimeout"/> is
/// stopped; a new peer beyond <see cref="MaxPeers"/> has its datagrams dropped until a slot frees up (logged as
/// <see cref="Udp.Bind"/>'s drops are: the first, then a count per <c>drop-log-interval</c>). Datagrams reach
/// the peer actors without flow control, as <see cref="Udp.Bind"/>'s reach its handler.
/// </summary>
/// <param name="peerProps">Creates the actor for a remote endpoint.</param>
/// <param name="localAddress">The endpoint to bind.</param>
/// <param name="idleTimeout">Null uses <c>actorsockets.io.udp.peer-idle-timeout</c> (60 s).</param>
/// <param name="maxPeers">Null uses <c>actorsockets.io.udp.max-peers</c> (10,000).</param>
/// <param name="options">Socket options for the bound socket.</param>
public sealed class UdpBindPerPeer(
    Func<EndPoint, Props> peerProps,
    EndPoint localAddress,
    TimeSpan? idleTimeout = null,
    int? maxPeers = null,
    IEnumerable<Inet.SocketOption>? options = null) : Udp.Command
{
    /// <summary>Creates the actor for a remote endpoint.</summary>
    public Func<EndPoint, Props> PeerProps { get; } = peerProps;

    /// <summary>The endpoint to bind.</summary>
    public EndPoint LocalAddress { get; } = localAddress;

    /// <summary>How long a peer may be quiet before its actor stops; null uses the setting.</summary>
    public TimeSpan? IdleTimeout { get; } = idleTimeout;

    /// <summary>The most peers with an actor at once; null uses the setting.</summary>
    public int? MaxPeers { get; } = maxPeers;

    /// <summary>Socket options for the bound socket.</summary>
    public IEnumerable<Inet.SocketOption> Options { get; } = options ?? [];

    public override string ToString() => $"UdpBindPerPeer({LocalAddress})";
}
