using System.Net;
using System.Net.Sockets;

namespace ActorSockets.IO.Internal;

/// <summary>Creates the right kind of socket for an endpoint: IPv4, IPv6, a host name, or a Unix domain socket path.</summary>
internal static class SocketFactory
{
    public static Socket CreateStream(EndPoint endpoint) => endpoint switch
    {
        UnixDomainSocketEndPoint => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified),
        IPEndPoint ip => new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp),

        // A host name may resolve to either family: a dual-mode IPv6 socket reaches both.
        DnsEndPoint => new Socket(SocketType.Stream, ProtocolType.Tcp),
        _ => throw new ArgumentException($"Unsupported endpoint type {endpoint.GetType().Name}.", nameof(endpoint)),
    };

    public static Socket CreateDatagram(EndPoint endpoint) => endpoint switch
    {
        IPEndPoint ip => new Socket(ip.AddressFamily, SocketType.Dgram, ProtocolType.Udp),
        _ => throw new ArgumentException($"UDP needs an IP endpoint, not {endpoint.GetType().Name}.", nameof(endpoint)),
    };

    /// <summary>The path of a Unix domain socket endpoint, or null for any other endpoint.</summary>
    public static string? UnixPath(EndPoint endpoint) =>
        endpoint is UnixDomainSocketEndPoint unix ? unix.ToString() : null;

    /// <summary>
    /// Describes the far end of an accepted socket. An accepted Unix domain socket usually has no
    /// address of its own, so the listener's path stands in for it.
    /// </summary>
    public static EndPoint RemoteOf(Socket socket, EndPoint fallback)
    {
        try
        {
            return socket.RemoteEndPoint ?? fallback;
        }
        catch (SocketException)
        {
            return fallback;
        }
    }

    /// <summary>
    /// True when every socket accepted on <paramref name="listenAddress"/> has it as its local address (a
    /// specific IP and port, or a Unix path), so accepting can skip asking the kernel (a syscall per connection).
    /// </summary>
    public static bool IsSpecificAddress(EndPoint listenAddress) => listenAddress switch
    {
        IPEndPoint ip => !ip.Address.Equals(IPAddress.Any) && !ip.Address.Equals(IPAddress.IPv6Any) && ip.Port != 0,
        UnixDomainSocketEndPoint => true,
        _ => false,
    };

    public static EndPoint LocalOf(Socket socket, EndPoint fallback)
    {
        try
        {
            return socket.LocalEndPoint ?? fallback;
        }
        catch (SocketException)
        {
            return fallback;
        }
    }
}
