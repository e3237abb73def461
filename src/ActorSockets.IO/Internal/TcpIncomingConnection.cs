using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.IO.Internal;

/// <summary>A connection accepted by a <see cref="TcpListener"/>, whose child it is; announced to the bind handler.</summary>
internal sealed class TcpIncomingConnection : TcpConnection
{
    private readonly IncomingConnections _shared;
    private readonly Socket? _socket;

    public TcpIncomingConnection(IncomingConnections shared)
        : base(shared.Settings, shared.Logger, shared.PullMode)
    {
        _shared = shared;
        _socket = shared.Claim();
    }

    protected override void PreStart()
    {
        base.PreStart();
        if (_socket is null)
        {
            // Unreachable while the listener hands over one socket per actor it creates; stop rather than guess.
            Context.Stop(Self);
            return;
        }

        EndPoint listenAddress = _shared.ListenAddress;
        EndPoint remote = SocketFactory.RemoteOf(_socket, listenAddress);
        EndPoint local = SocketFactory.IsSpecificAddress(listenAddress)
            ? listenAddress
            : SocketFactory.LocalOf(_socket, listenAddress);
        AcceptConnectedSocket(_socket, _shared.BindHandler, remote, local, _shared.Options, _shared.RegisterTimeouts, _shared.HandlerWatcher);
    }

    protected override void PostStop()
    {
        // Covers a stop before PreStart handed the socket to the channel.
        base.PostStop();
        _socket?.Dispose();
        if (_shared.ConnectionStopped())
        {
            Context.Parent.Tell(TcpListener.ConnectionStopped.Instance, Self);
        }
    }
}
