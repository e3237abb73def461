using ActorSockets.IO.Internal;
using System.Net.Sockets;
using Akka.IO;

namespace ActorSockets.IO;

/// <summary>
/// Socket options Akka.IO has no class for, in Akka's own <see cref="Inet.SocketOption"/> shape, so they go in the
/// options of <see cref="Tcp.Bind"/>, <see cref="Tcp.Connect"/> and <see cref="Udp.Bind"/> beside Akka's
/// <see cref="Inet.SO"/> options. Akka's own manager accepts them too (it calls the same hooks).
/// </summary>
public static class SocketsSO
{
    /// <summary>
    /// Dual stack (IPV6_V6ONLY off) for an IPv6 socket: a listener bound to <c>[::]</c> also takes IPv4 clients,
    /// seen as IPv4-mapped IPv6 addresses. Without it a socket is IPv6-only (the operating system's default).
    /// </summary>
    public sealed class DualStack(bool on) : Inet.SocketOption
    {
        /// <summary>Whether dual stack is on.</summary>
        public bool On { get; } = on;

        public override void BeforeServerSocketBind(Socket ss) => SocketOptionTargets.SetDualMode(ss, On);

        public override void BeforeDatagramBind(Socket ds) => SocketOptionTargets.SetDualMode(ds, On);

        public override void BeforeConnect(Socket s) => SocketOptionTargets.SetDualMode(s, On);
    }

    /// <summary>SO_KEEPALIVE on a connection: the kernel probes idle peers and reports dead ones.</summary>
    public sealed class KeepAlive(bool on) : Inet.SocketOption
    {
        /// <summary>Whether keep-alive is on.</summary>
        public bool On { get; } = on;

        public override void AfterConnect(Socket s) => SocketOptionTargets.SetKeepAlive(s, On);
    }

    /// <summary>TCP_NODELAY on a connection: on, small writes leave at once (Nagle's algorithm off).</summary>
    public sealed class NoDelay(bool on) : Inet.SocketOption
    {
        /// <summary>Whether Nagle's algorithm is off.</summary>
        public bool On { get; } = on;

        public override void AfterConnect(Socket s) => SocketOptionTargets.SetNoDelay(s, On);
    }
}
