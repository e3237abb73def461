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

    // Linux values of SOL_SOCKET and SO_REUSEADDR.
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    /// <summary>
    /// Sets SO_REUSEADDR and nothing else. On Linux, .NET's <see cref="SocketOptionName.ReuseAddress"/>
    /// also sets SO_REUSEPORT, which lets a second listener bind the same port and silently take half
    /// of its connections; a second host started by mistake must get "address in use" instead.
    /// </summary>
    public static void SetReuseAddress(Socket socket, bool on)
    {
        if (!IsIp(socket))
        {
            return;
        }
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(on ? 1 : 0));
        }
        else
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
