using System.Net.Sockets;
using ActorSockets.IO.Internal;

namespace ActorSockets.IO;

public static partial class Tcp
{
    /// <summary>
    /// TCP-only socket options. The options every socket has (buffer sizes, address reuse, dual stack)
    /// are in <see cref="Inet.SO"/>.
    /// </summary>
    public static class SO
    {
        /// <summary>
        /// <c>SO_KEEPALIVE</c>: the kernel probes an idle connection and reports a dead peer as an error.
        /// Off unless <c>actorsockets.io.tcp.keep-alive</c> says otherwise.
        /// </summary>
        public sealed record KeepAlive(bool On) : Inet.SocketOption
        {
            public override void AfterConnect(Socket socket) => SocketOptionTargets.SetKeepAlive(socket, On);
        }

        /// <summary>
        /// <c>TCP_NODELAY</c>: turns off Nagle's algorithm so small writes leave at once. On unless
        /// <c>actorsockets.io.tcp.no-delay</c> says otherwise.
        /// </summary>
        public sealed record NoDelay(bool On) : Inet.SocketOption
        {
            public override void AfterConnect(Socket socket) => SocketOptionTargets.SetNoDelay(socket, On);
        }
    }
}
