using System.Net;
using System.Net.Sockets;
using Akka.IO;

namespace ActorSockets.IO.Tests.Support;

/// <summary>Plain UDP sockets for the tests: peers of the listener under test, or the socket under a channel.</summary>
internal static class LoopbackUdp
{
    /// <summary>A UDP socket bound to 127.0.0.1 on a free port.</summary>
    public static Socket NewSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
