using System.Net;
using System.Net.Sockets;
using Akka.IO;

namespace ActorSockets.IO.Tests.Support;

/// <summary>Connected loopback socket pairs and listeners for the engine tests.</summary>
internal static class Loopback
{
    public static Socket Listen(AddressFamily family = AddressFamily.InterNetwork)
    {
        var listener = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        listener.Listen(128);
        return listener;
    }

    /// <summary>Returns (server side, client side) of a fresh loopback connection.</summary>
    public static async Task<(Socket Server, RawClient Client)> ConnectedPairAsync()
    {
        using Socket listener = Listen();
        RawClient client = await RawClient.ConnectAsync(listener.LocalEndPoint!);
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        Socket server = await listener.AcceptAsync(timeout.Token);
        return (server, client);
    }
}
