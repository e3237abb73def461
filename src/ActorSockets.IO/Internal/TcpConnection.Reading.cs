using Akka.IO;

namespace ActorSockets.IO.Internal;

internal abstract partial class TcpConnection
{
    private bool _readingSuspended;
    private int _pullGrantsBeforeRegister;
    private bool _peerFinSeen;

    private bool HandleReadControl(object message)
    {
        switch (message)
        {
            case Tcp.SuspendReading:
                _readingSuspended = true;
                if (_handler is not null)
                {
                    _channel?.SuspendReading();
                }

                return true;
            case Tcp.ResumeReading:
                _readingSuspended = false;
                if (_handler is not null)
                {
                    _channel?.ResumeReading(push: !_pullMode);
                }
                else if (_pullMode)
                {
                    _pullGrantsBeforeRegister++;
                }

                return true;
            default:
                return false;
        }
    }

    private void StartReading()
    {
        _channel!.StartReading(_handler!, push: !_pullMode, suspended: _readingSuspended);
        for (; _pullGrantsBeforeRegister > 0; _pullGrantsBeforeRegister--)
        {
            _channel.ResumeReading(push: false);
        }
    }

    private void OnPeerFin()
    {
        _peerFinSeen = true;
        if (_keepOpenOnPeerClosed)
        {
            _handler?.Tell(Tcp.PeerClosed.Instance, Self);
            Context.Become(HalfClosedByPeer);
            return;
        }

        // Without keep-open the connection closes, after sending what was accepted for writing.
        BeginClose(closeCommand: null, commander: null);
    }
}
