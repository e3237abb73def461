using System.Net.Sockets;
using ActorSockets.IO.Internal;

namespace ActorSockets.IO;

public static partial class Inet
{
    /// <summary>Socket options valid for both TCP and UDP sockets.</summary>
    public static class SO
    {
        /// <summary>
        /// <c>SO_RCVBUF</c>: the kernel's receive buffer for the socket, in bytes. Set before bind so that
        /// accepted sockets inherit it, and again on every connected socket.
        /// </summary>
        public sealed record ReceiveBufferSize(int Size) : SocketOption
        {
            public override void BeforeBind(Socket socket) => socket.ReceiveBufferSize = Size;

            public override void BeforeConnect(Socket socket) => socket.ReceiveBufferSize = Size;
        }

        /// <summary><c>SO_SNDBUF</c>: the kernel's send buffer for the socket, in bytes.</summary>
        public sealed record SendBufferSize(int Size) : SocketOption
        {
            public override void BeforeBind(Socket socket) => socket.SendBufferSize = Size;

            public override void AfterConnect(Socket socket) => socket.SendBufferSize = Size;
        }

        /// <summary>
        /// <c>SO_REUSEADDR</c>: lets a listener rebind a port whose previous connections are still in
        /// TIME_WAIT. TCP listeners turn it on by default (<c>actorsockets.io.tcp.reuse-address</c>); this
        /// option overrides the default for one bind.
        /// </summary>
        public sealed record ReuseAddress(bool On) : SocketOption
        {
            public override void BeforeBind(Socket socket) => SocketOptionTargets.SetReuseAddress(socket, On);

            public override void BeforeConnect(Socket socket) => SocketOptionTargets.SetReuseAddress(socket, On);
        }

        /// <summary>
        /// <c>IPV6_V6ONLY</c> off: an IPv6 socket that also accepts and sends IPv4 traffic (as IPv4-mapped
        /// addresses). Only meaningful for IPv6 endpoints; ignored for others.
        /// </summary>
        public sealed record DualStack(bool On) : SocketOption
        {
            public override void BeforeBind(Socket socket) => SocketOptionTargets.SetDualMode(socket, On);

            public override void BeforeConnect(Socket socket) => SocketOptionTargets.SetDualMode(socket, On);
        }
    }
}
