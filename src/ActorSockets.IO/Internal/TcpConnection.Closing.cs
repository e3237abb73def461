using ActorSockets.Actors;

namespace ActorSockets.IO.Internal;

internal abstract partial class TcpConnection
{
    private List<IActorRef>? _closeCommanders;
    private bool _closing;

    /// <summary>The close being carried out; null when closing because the peer closed (without keep-open).</summary>
    private Tcp.CloseCommand? _closeCommand;

    /// <summary>
    /// Starts closing. <see cref="Tcp.Abort"/> acts at once; <see cref="Tcp.Close"/>,
    /// <see cref="Tcp.ConfirmedClose"/> and a peer's FIN first let accepted writes go out.
    /// </summary>
    private void BeginClose(Tcp.CloseCommand? closeCommand, IActorRef? commander)
    {
        if (commander is not null)
        {
            _closeCommanders ??= [];
            if (!_closeCommanders.Contains(commander))
            {
                _closeCommanders.Add(commander);
            }
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
        Context.Become(Closing);
        if (WritesIdle)
        {
            FinishClose();
        }
    }

    /// <summary>Flushing accepted writes before FIN. New writes are refused; data read meanwhile still reaches the handler.</summary>
    private bool Closing(object message)
    {
        switch (message)
        {
            case ChannelEndOfStream:
                _peerFinSeen = true;
                return true;
            case Tcp.SuspendReading or Tcp.ResumeReading:
                return true;
            default:
                return HandleEnding(message) || HandleWrites(message);
        }
    }

    /// <summary>Our FIN is sent (<see cref="Tcp.ConfirmedClose"/>); reading on until the peer's FIN.</summary>
    private bool AwaitingPeerFin(object message)
    {
        switch (message)
        {
            case ChannelEndOfStream:
                StopWith(Tcp.ConfirmedClosed.Instance);
                return true;
            case Tcp.Write write:
                Sender.Tell(write.FailureMessage(), Self);
                return true;
            case Tcp.SuspendReading or Tcp.ResumeReading or Tcp.ResumeWriting:
                return true;
            default:
                return HandleEnding(message);
        }
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
                Context.Become(AwaitingPeerFin);
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

    /// <summary>Reads regardless of suspension or mode: only the peer's FIN ends a confirmed close.</summary>
    private void ReadTowardsPeerFin()
    {
        if (_handler is null)
        {
            // Never registered, so never read: start now, for the peer's FIN; there is nobody to give data to.
            _channel?.StartReading(Context.System.DeadLetters, push: true, suspended: false);
            return;
        }

        _channel?.ReadUntilEndOfStream();
    }
}
