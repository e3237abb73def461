using ActorSockets.Actors;

namespace ActorSockets.IO.Internal;

internal abstract partial class TcpConnection
{
    private Queue<PendingWrite>? _queuedWrites;
    private long _queuedBytes;
    private PendingWrite? _inFlight;
    private bool _refusingWrites;
    private IActorRef? _resumeWritingRequester;

    private bool WritesIdle => _inFlight is null && (_queuedWrites is null || _queuedWrites.Count == 0);

    private bool HandleWrites(object message)
    {
        switch (message)
        {
            case Tcp.Write write:
                OnWrite(write);
                return true;
            case ChannelSendCompleted:
                OnSendCompleted();
                return true;
            case Tcp.ResumeWriting:
                OnResumeWriting();
                return true;
            default:
                return false;
        }
    }

    private void OnWrite(Tcp.Write write)
    {
        IActorRef sender = Sender;
        if (_refusingWrites || _closing)
        {
            sender.Tell(write.FailureMessage(), Self);
            return;
        }

        if (WritesIdle)
        {
            StartWrite(new PendingWrite(write, sender));
            return;
        }

        if (_queuedBytes + write.Data.Count <= Settings.WriteQueueLimit)
        {
            (_queuedWrites ??= new Queue<PendingWrite>()).Enqueue(new PendingWrite(write, sender));
            _queuedBytes += write.Data.Count;
            return;
        }

        // The NACK: the queue is full. With resume-writing, refuse everything until ResumeWriting.
        sender.Tell(write.FailureMessage(), Self);
        if (_useResumeWriting)
        {
            _refusingWrites = true;
        }
    }

    /// <summary>Hands one write to the kernel; returns true when it was taken (and acknowledged) at once.</summary>
    private bool StartWrite(PendingWrite pending)
    {
        if (pending.Write.Data.Count == 0 || _channel!.TrySend(pending.Write.Data.Memory))
        {
            Acknowledge(pending);
            return true;
        }

        _inFlight = pending;
        return false;
    }

    private void OnSendCompleted()
    {
        if (_inFlight is { } done)
        {
            _inFlight = null;
            Acknowledge(done);
        }

        while (_queuedWrites is not null && _queuedWrites.TryDequeue(out PendingWrite next))
        {
            _queuedBytes -= next.Write.Data.Count;
            if (!StartWrite(next))
            {
                return;
            }
        }

        OnWritesDrained();
    }

    private void OnResumeWriting()
    {
        if (WritesIdle)
        {
            _refusingWrites = false;
            Sender.Tell(Tcp.WritingResumed.Instance, Self);
            return;
        }

        _resumeWritingRequester = Sender;
    }

    private void OnWritesDrained()
    {
        if (_resumeWritingRequester is { } requester)
        {
            _resumeWritingRequester = null;
            _refusingWrites = false;
            requester.Tell(Tcp.WritingResumed.Instance, Self);
        }

        if (_closing)
        {
            FinishClose();
        }
    }

    private void Acknowledge(PendingWrite pending)
    {
        if (pending.Write.WantsAck)
        {
            pending.Sender.Tell(pending.Write.Ack, Self);
        }
    }

    /// <summary>
    /// Tells the writers whose writes will now never be sent: those waiting for an ack, and any writer
    /// other than the handler (the handler learns it from the close event).
    /// </summary>
    private void FailQueuedWrites(string cause)
    {
        var error = new IOException(cause);
        if (_inFlight is { } inFlight)
        {
            _inFlight = null;
            FailWrite(inFlight, error);
        }

        while (_queuedWrites is not null && _queuedWrites.TryDequeue(out PendingWrite queued))
        {
            FailWrite(queued, error);
        }

        _queuedBytes = 0;
    }

    private void FailWrite(PendingWrite pending, IOException error)
    {
        if (pending.Write.WantsAck || !pending.Sender.Equals(_handler))
        {
            pending.Sender.Tell(pending.Write.FailureMessage(error), Self);
        }
    }

    private readonly record struct PendingWrite(Tcp.Write Write, IActorRef Sender);
}
