using System.Net;
using System.Net.Sockets;
using ActorSockets.Benchmarks.Echo;
using ActorSockets.Benchmarks.Echo.Internal;
using ActorSockets.IO;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Benchmarks.EchoActors.Internal;

/// <summary>
/// The actor-floor server: an <see cref="ActorSystem"/> with the echo listener actor, fed by a raw accept loop.
/// Every accepted socket is announced to the listener as <see cref="Tcp.Connected"/> from its own
/// <see cref="FloorConnection"/>, which does only what the handler needs to see: it reads once registered, and
/// writes what it is told. With a stand-in connection actor, every connection also gets one idle actor of its own,
/// with ActorSockets' lean connection mailbox, stopped when the connection closes: the least a transport that keeps an
/// actor per connection (as Akka.IO's protocol expects of the connection) must add. Disposing the server stops
/// accepting, closes every socket and terminates the system.
/// </summary>
internal sealed class FloorEchoServer : IRunningEchoServer
{
    private readonly ActorSystem _system;
    private readonly IActorRef _listener;
    private readonly bool _standInActor;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly OpenConnections<FloorConnection> _connections = new();
    private readonly Task _accepting;
    private long _accepted;

    private FloorEchoServer(ActorSystem system, Socket socket, bool standInActor)
    {
        _system = system;
        _socket = socket;
        _standInActor = standInActor;
        if (standInActor)
        {
            // Loading the extension registers its connection mailbox with the system.
            system.SocketsTcp();
        }

        _listener = system.ActorOf(EchoListener.Props, "echo");
        LocalEndPoint = socket.LocalEndPoint!;
        _accepting = AcceptAsync();
    }

    public EndPoint LocalEndPoint { get; }

    public static FloorEchoServer Start(EndPoint endPoint, bool standInActor)
    {
        var socket = RawEchoServer.Listen(endPoint);
        try
        {
            return new FloorEchoServer(ActorSystem.Create("echo", AkkaIoEchoServer.Quiet), socket, standInActor);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        foreach (var connection in _connections.StopTaking())
        {
            connection.Close();
        }

        await _accepting;
        await _system.Terminate();
        _stop.Dispose();
    }

    /// <summary>Called by a connection once its socket is closed, whichever side closed it.</summary>
    internal void Forget(FloorConnection connection) => _connections.Remove(connection);

    private async Task AcceptAsync()
    {
        var provider = ((ExtendedActorSystem)_system).Provider;
        var basePath = _listener.Path / "floor";
        while (true)
        {
            Socket? socket = await RawEchoServer.AcceptOneAsync(_socket, _stop.Token);
            if (socket is null)
            {
                return;
            }

            IActorRef? standIn = _standInActor ? _system.ActorOf(StandInConnection.Props) : null;
            var connection = new FloorConnection(this, socket, provider, basePath / $"c{++_accepted}", standIn);
            if (!_connections.TryAdd(connection))
            {
                connection.Close();
                return;
            }

            _listener.Tell(new Tcp.Connected(socket.RemoteEndPoint!, socket.LocalEndPoint!), connection);
        }
    }
}
