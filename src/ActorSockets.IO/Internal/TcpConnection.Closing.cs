using Akka.Event;
using Akka.Actor;
using Akka.IO;

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

        // A close before Register ends the wait for it: from now on only the close timeout applies.
        CancelTimeout();
        Context.Become(Closing);
        if (WritesIdle)
        {
            FinishClose();
        }
        else
        {
            StartCloseTimeout();
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
            case CloseTimedOut:
                OnCloseTimedOut(waitedFor: "the peer to read what was written");
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
            case Tcp.WriteCommand write:
                Sender.Tell(write.FailureMessage, Self);
                return true;
            case Tcp.SuspendReading or Tcp.ResumeReading or Tcp.ResumeWriting:
                return true;
            case CloseTimedOut:
                OnCloseTimedOut(waitedFor: "the peer's FIN");
                return true;
            default:
                return HandleEnding(message);
        }
    }

    /// <summary>Every accepted write is sent: send FIN and finish the close that was asked for.</summary>
    private void FinishClose()
    {
        // Once the peer's FIN was read nothing can be left unread, so closing the socket sends FIN by itself
        // (unread data would turn close into RST, which is what the explicit shutdown guards against).
        if (!_peerFinSeen)
        {
            _channel?.ShutdownOutput();
        }

        switch (_closeCommand)
        {
            case null:
                StopWith(Tcp.PeerClosed.Instance);
                break;
            case Tcp.ConfirmedClose when !_peerFinSeen:
                Context.Become(AwaitingPeerFin);
                StartCloseTimeout();
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
            // Never registered, so never read: start now, for the peer's FIN. As in Akka, whoever closed stands in
            // for the handler nobody registered and gets what the peer still sends (not dead letters).
            IActorRef reader = _closeCommanders is [var commander, ..] ? commander : Context.System.DeadLetters;
            _channel?.StartReading(reader, push: true, suspended: false);
            return;
        }

        _channel?.ReadUntilEndOfStream();
    }

    /// <summary>
    /// Starts the close timeout unless it already runs: it bounds the whole close, flushing and waiting for the
    /// peer's FIN together. A close that finishes at once never starts it.
    /// </summary>
    private void StartCloseTimeout() =>
        _timeout ??= Context.System.Scheduler.ScheduleTellOnceCancelable(Settings.CloseTimeout, Self, CloseTimedOut.Instance, Self);

    /// <summary>
    /// The close waited <see cref="TcpSettings.CloseTimeout"/> for a peer that neither read nor closed: reset the
    /// connection, which releases the socket and its kernel buffers at once, and say so to everyone waiting.
    /// </summary>
    private void OnCloseTimedOut(string waitedFor)
    {
        long unsent = UnsentBytes();
        TcpConnectionLog.CloseTimedOut(Logger, RemoteAddress, Settings.CloseTimeout, waitedFor, unsent);
        string cause = $"The close timed out after {Settings.CloseTimeout} waiting for {waitedFor} " +
            $"(up to {unsent} bytes of accepted writes not yet handed to the kernel); the connection was reset.";
        FailQueuedWrites(cause);
        _channel?.Abort();
        StopWith(new Tcp.ErrorClosed(cause));
    }

    /// <summary>Fires when a close has waited <see cref="TcpSettings.CloseTimeout"/>.</summary>
    private sealed record CloseTimedOut : IDeadLetterSuppression
    {
        public static CloseTimedOut Instance { get; } = new();

        private CloseTimedOut()
        {
        }
    }
}
