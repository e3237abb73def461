using ActorSockets.Actors;

namespace ActorSockets.IO.Internal;

internal abstract partial class TcpConnection
{
    private readonly List<IActorRef> _closeCommanders = [];
    private bool _closing;

    /// <summary>The close being carried out; null when closing because the peer closed (without keep-open).</summary>
    private Tcp.CloseCommand? _closeCommand;

    /// <summary>
    /// Starts closing. <see cref="Tcp.Abort"/> acts at once; <see cref="Tcp.Close"/>,
    /// <see cref="Tcp.ConfirmedClose"/> and a peer's FIN first let accepted writes go out.
    /// </summary>
    private void BeginClose(Tcp.CloseCommand? closeCommand, IActorRef? commander)
    {
        if (commander is not null && !_closeCommanders.Contains(commander))
        {
            _closeCommanders.Add(commander);
        }

        if (closeCommand is Tcp.Abort)
        {
            FailQueuedWrites("the connection was aborted");
            _channel?.Abort();
            StopWith(Tcp.Aborted.Instance);
            return;
        }

        if (_closing)
        {
            // Already flushing for an earlier close: this commander is told when it completes.
            return;
        }

        _closing = true;
        _closeCommand = closeCommand;
        Become(Closing);
        if (WritesIdle)
        {
            FinishClose();
        }
    }

    /// <summary>Flushing accepted writes before FIN. New writes are refused.</summary>
    private void Closing()
    {
        ReceiveWrites();
        Receive<Tcp.Received>(received =>
        {
            // A read that was already in flight: the bytes are the handler's, so deliver them.
            _readInFlight = false;
            _handler?.Tell(received, Self);
        });
        Receive<ChannelEndOfStream>(_ =>
        {
            _readInFlight = false;
            _peerFinSeen = true;
        });
        Receive<Tcp.SuspendReading>(_ => { });
        Receive<Tcp.ResumeReading>(_ => { });
        Receive<Tcp.CloseCommand>(close => BeginClose(close, Sender));
        Receive<ChannelFailed>(OnChannelFailed);
        Receive<Terminated>(OnTerminated);
    }

    /// <summary>Our FIN is sent (<see cref="Tcp.ConfirmedClose"/>); reading on until the peer's FIN.</summary>
    private void AwaitingPeerFin()
    {
        Receive<Tcp.Received>(received =>
        {
            _readInFlight = false;
            _handler?.Tell(received, Self);
            ReadTowardsPeerFin();
        });
        Receive<ChannelEndOfStream>(_ => StopWith(Tcp.ConfirmedClosed.Instance));
        Receive<Tcp.Write>(write => Sender.Tell(write.FailureMessage(), Self));
        Receive<Tcp.SuspendReading>(_ => { });
        Receive<Tcp.ResumeReading>(_ => { });
        Receive<Tcp.CloseCommand>(close => BeginClose(close, Sender));
        Receive<ChannelFailed>(OnChannelFailed);
        Receive<Terminated>(OnTerminated);
    }

    /// <summary>Every accepted write is sent: send FIN and finish the close that was asked for.</summary>
    private void FinishClose()
    {
        _channel?.ShutdownOutput();
        switch (_closeCommand)
        {
            case null:
                StopWith(Tcp.PeerClosed.Instance);
                break;
            case Tcp.ConfirmedClose when !_peerFinSeen:
                Become(AwaitingPeerFin);
                ReadTowardsPeerFin();
                break;
            case Tcp.ConfirmedClose:
                StopWith(Tcp.ConfirmedClosed.Instance);
                break;
            default:
                StopWith(Tcp.Closed.Instance);
                break;
        }
    }

    /// <summary>Reads regardless of suspension or registration: only the peer's FIN ends a confirmed close.</summary>
    private void ReadTowardsPeerFin()
    {
        if (!_readInFlight && _channel is not null)
        {
            _readInFlight = true;
            _channel.RequestRead();
        }
    }
}
