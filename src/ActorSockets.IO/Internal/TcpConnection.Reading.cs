namespace ActorSockets.IO.Internal;

internal abstract partial class TcpConnection
{
    private bool _readingSuspended;
    private bool _readInFlight;
    private bool _peerFinSeen;
    private Tcp.Received? _held;

    private void ReceiveReadControl()
    {
        Receive<Tcp.SuspendReading>(_ => _readingSuspended = true);
        Receive<Tcp.ResumeReading>(_ => OnResumeReading());
    }

    private void OnResumeReading()
    {
        _readingSuspended = false;
        if (_held is { } held && _handler is not null)
        {
            _held = null;
            Deliver(held);
        }

        RequestReadIfWanted();
    }

    /// <summary>Grants the channel one read when a handler is there, reading is not suspended, nothing is held, and no read is pending.</summary>
    private void RequestReadIfWanted()
    {
        if (_readInFlight || _readingSuspended || _held is not null || _handler is null || _peerFinSeen || _channel is null)
        {
            return;
        }

        _readInFlight = true;
        _channel.RequestRead();
    }

    private void OnReceived(Tcp.Received received)
    {
        _readInFlight = false;
        if (_readingSuspended)
        {
            // Suspended while this read was in flight: keep it (only ever one chunk) until ResumeReading.
            _held = received;
            return;
        }

        Deliver(received);
        RequestReadIfWanted();
    }

    private void Deliver(Tcp.Received received)
    {
        _handler!.Tell(received, Self);
        if (_pullMode)
        {
            _readingSuspended = true;
        }
    }

    private void OnPeerFin()
    {
        _readInFlight = false;
        _peerFinSeen = true;
        if (_keepOpenOnPeerClosed)
        {
            _handler?.Tell(Tcp.PeerClosed.Instance, Self);
            Become(HalfClosedByPeer);
            return;
        }

        // Without keep-open the connection closes, after sending what was accepted for writing.
        BeginClose(closeCommand: null, commander: null);
    }
}
