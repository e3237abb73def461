using System.Net.Sockets;

namespace ActorSockets.IO.Internal;

/// <summary>
/// Applies options only where they mean something: a Unix domain socket has no Nagle algorithm, no
/// address reuse and no dual mode, and setting those on it throws.
/// </summary>
internal static class SocketOptionTargets
{
    public static bool IsIp(Socket socket) =>
        socket.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;

    public static void SetReuseAddress(Socket socket, bool on)
    {
        if (IsIp(socket))
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, on);
        }
    }

    public static void SetDualMode(Socket socket, bool on)
    {
        if (socket.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.DualMode = on;
        }
    }

    public static void SetNoDelay(Socket socket, bool on)
    {
        if (socket.ProtocolType == ProtocolType.Tcp)
        {
            socket.NoDelay = on;
        }
    }

    public static void SetKeepAlive(Socket socket, bool on)
    {
        if (socket.ProtocolType == ProtocolType.Tcp)
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, on);
        }
    }

    public static void SetBufferSizes(Socket socket, int receiveBufferSize, int sendBufferSize)
    {
        if (receiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = receiveBufferSize;
        }

        if (sendBufferSize > 0)
        {
            socket.SendBufferSize = sendBufferSize;
        }
    }
}
