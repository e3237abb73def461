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
    /// Explains a bind to a Unix socket path that failed with address-in-use. A live listener answers a
    /// connection attempt and keeps the plain error. Nothing accepting means a file left behind, usually the
    /// socket of a process that did not stop cleanly: the error then says so and what to do. The file is not
    /// removed, because a refused connection can't tell a stale socket from any other file at that path, and
    /// deleting somebody's file is worse than a clear error.
    /// </summary>
    public static Exception ExplainUnixPathInUse(UnixDomainSocketEndPoint endpoint, SocketException error)
    {
        using var probe = CreateStream(endpoint);

        // Non-blocking: a listener with a full backlog would otherwise hold this thread.
        probe.Blocking = false;
        try
        {
            probe.Connect(endpoint);
            return error;
        }
        catch (SocketException refused) when (refused.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new IOException(
                $"{endpoint} already exists and nothing accepts connections on it: probably a socket file left by a " +
                "process that did not stop cleanly (or not a socket at all). Remove it and bind again.",
                error);
        }
        catch (SocketException)
        {
            return error;
        }
    }

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
