using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// A connection opened by <see cref="Tcp.Connect"/>. It connects asynchronously under the command's timeout,
/// then tells the commander <see cref="Tcp.Connected"/> and behaves like any other connection; a failed
/// or timed-out connect is answered with <see cref="Tcp.CommandFailed"/> and the actor stops.
/// </summary>
internal sealed class TcpOutgoingConnection : TcpConnection
{
    private readonly RegisterTimeouts _registerTimeouts;
    private readonly IActorRef _handlerWatcher;
    private readonly IActorRef _commander;
    private readonly Tcp.Connect _connect;
    private readonly CancellationTokenSource _connectTimeout = new();
    private Socket? _socket;

    public TcpOutgoingConnection(
        TcpSettings settings,
        RegisterTimeouts registerTimeouts,
        IActorRef handlerWatcher,
        ILoggingAdapter logger,
        IActorRef commander,
        Tcp.Connect connect)
        : base(settings, logger, connect.PullMode)
    {
        _registerTimeouts = registerTimeouts;
        _handlerWatcher = handlerWatcher;
        _commander = commander;
        _connect = connect;
        RemoteAddress = connect.RemoteAddress;
    }

    protected override bool Receive(object message) => Connecting(message);

    protected override void PreStart()
    {
        base.PreStart();
        try
        {
            _socket = SocketFactory.CreateStream(_connect.RemoteAddress);

            // Before connect, as a listener sets them before bind: the window scale is agreed in the handshake.
            // The command's own options come after, so they win.
            SocketOptionTargets.SetBufferSizes(_socket, Settings.SocketReceiveBufferSize, Settings.SocketSendBufferSize);
            foreach (Inet.SocketOption option in _connect.Options ?? [])
            {
                option.BeforeConnect(_socket);
            }

            if (_connect.LocalAddress is { } local)
            {
                _socket.Bind(local);
            }
        }
        catch (Exception e)
        {
            // Anything at all, a custom option's own exception included: an exception escaping PreStart would stop
            // this actor without a word to the commander.
            Fail(e);
            return;
        }

        _connectTimeout.CancelAfter(_connect.Timeout ?? Settings.ConnectTimeout);
        _ = ConnectAsync(_socket, _connect.RemoteAddress, Self, _connectTimeout.Token);
    }

    protected override void PostStop()
    {
        _connectTimeout.Cancel();
        _connectTimeout.Dispose();
        base.PostStop();
        _socket?.Dispose();
    }

    // Static: the connect runs off the actor's turn, so it may touch nothing but its arguments.
    private static async Task ConnectAsync(Socket socket, EndPoint remote, IActorRef self, CancellationToken timeout)
    {
        try
        {
            await socket.ConnectAsync(remote, timeout).ConfigureAwait(false);
            self.Tell(ConnectSucceeded.Instance, self);
        }
        catch (OperationCanceledException)
        {
            self.Tell(new ConnectFailed(new TimeoutException($"Connect to {remote} timed out.")), self);
        }
        catch (Exception e)
        {
            self.Tell(new ConnectFailed(e), self);
        }
    }

    private bool Connecting(object message)
    {
        switch (message)
        {
            case ConnectSucceeded:
                Socket socket = _socket!;
                EndPoint remote = SocketFactory.RemoteOf(socket, _connect.RemoteAddress);
                EndPoint local = SocketFactory.LocalOf(socket, _connect.RemoteAddress);
                Context.Become(Connected);
                AcceptConnectedSocket(socket, _commander, remote, local, _connect.Options, _registerTimeouts, _handlerWatcher);
                return true;
            case ConnectFailed failed:
                Fail(failed.Error);
                return true;
            default:
                return false;
        }
    }

    private void Fail(Exception error)
    {
        TcpConnectionLog.ConnectFailed(Logger, _connect.RemoteAddress, SocketErrors.Describe(error));
        _commander.Tell(new Tcp.CommandFailed(_connect).WithCause(error), Self);
        Context.Stop(Self);
    }

    private sealed record ConnectSucceeded
    {
        public static ConnectSucceeded Instance { get; } = new();

        private ConnectSucceeded()
        {
        }
    }

    private sealed record ConnectFailed(Exception Error);
}
