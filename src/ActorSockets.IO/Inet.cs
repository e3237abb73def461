using System.Net.Sockets;

namespace ActorSockets.IO;

/// <summary>
/// Socket options shared by TCP and UDP, shaped like Akka.IO's <c>Inet</c>: each option is a message
/// value that knows at which point of a socket's life it must be applied.
/// </summary>
public static partial class Inet
{
    /// <summary>
    /// A socket option passed with <c>Bind</c> or <c>Connect</c>. The IO actors call the hooks in order:
    /// <see cref="BeforeBind"/> on a listening or datagram socket, <see cref="BeforeConnect"/> on an outgoing
    /// socket, and <see cref="AfterConnect"/> on every connected socket (accepted or outgoing).
    /// </summary>
    public abstract record SocketOption
    {
        /// <summary>Applies the option to a socket that is about to be bound (listener or UDP). Does nothing by default.</summary>
        public virtual void BeforeBind(Socket socket)
        {
        }

        /// <summary>Applies the option to an outgoing socket before it connects. Does nothing by default.</summary>
        public virtual void BeforeConnect(Socket socket)
        {
        }

        /// <summary>Applies the option to a connected socket (accepted or outgoing). Does nothing by default.</summary>
        public virtual void AfterConnect(Socket socket)
        {
        }
    }
}
