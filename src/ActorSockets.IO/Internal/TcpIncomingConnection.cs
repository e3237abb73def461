using System.Net;
using System.Net.Sockets;
using ActorSockets.Actors;
using Microsoft.Extensions.Logging;

namespace ActorSockets.IO.Internal;

/// <summary>A connection accepted by a <see cref="TcpListener"/>, whose child it is; announced to the bind handler.</summary>
internal sealed class TcpIncomingConnection : TcpConnection
{
    private readonly Socket _socket;
    private readonly IActorRef _bindHandler;
    private readonly EndPoint _listenAddress;
    private readonly IReadOnlyList<Inet.SocketOption>? _options;

    public TcpIncomingConnection(
        TcpSettings settings,
        ILogger logger,
        Socket socket,
        IActorRef bindHandler,
        EndPoint listenAddress,
        IReadOnlyList<Inet.SocketOption>? options,
        bool pullMode)
        : base(settings, logger, pullMode)
    {
        _socket = socket;
        _bindHandler = bindHandler;
        _listenAddress = listenAddress;
        _options = options;
    }

    protected override void PreStart()
    {
        base.PreStart();
        EndPoint remote = SocketFactory.RemoteOf(_socket, _listenAddress);
        EndPoint local = SocketFactory.IsSpecificAddress(_listenAddress)
            ? _listenAddress
            : SocketFactory.LocalOf(_socket, _listenAddress);
        AcceptConnectedSocket(_socket, _bindHandler, remote, local, _options);
    }

    protected override void PostStop()
    {
        // Covers a stop before PreStart handed the socket to the channel.
        base.PostStop();
        _socket.Dispose();
        Context.Parent.Tell(TcpListener.ConnectionStopped.Instance, Self);
    }
}
