using Akka.Actor;
using Akka.IO;

namespace ActorSockets.IO.Internal;

internal abstract partial class TcpConnection
{
    /// <summary>
    /// What a queued write costs against <see cref="TcpSettings.WriteQueueLimit"/> besides its data: about the
    /// memory of the queued command itself. Without it empty writes (<see cref="Tcp.Write.Empty"/> with an ack)
    /// would cost nothing and could queue without bound.
    /// </summary>
    private const int QueuedWriteOverhead = 64;

    /// <summary>Writes the kernel did not take at once; allocated on the first one, so idle connections carry none.</summary>
    private WriteBacklog? _backlog;
    private bool _refusingWrites;

    private bool WritesIdle => _backlog is null || _backlog.IsIdle;

    private bool HandleWrites(object message)
    {
        switch (message)
        {
            case Tcp.Write write:
                OnWrite(write);
                return true;
            case Tcp.CompoundWrite compound:
                OnCompoundWrite(compound);
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

    /// <summary>
    /// Akka's compound write: its parts in order, each acknowledged as a write of its own. Once a part is refused,
    /// so is every later part (each with its own CommandFailed), so the peer never gets them out of order.
    /// </summary>
    private void OnCompoundWrite(Tcp.CompoundWrite compound)
    {
        bool refused = false;
        foreach (Tcp.SimpleWriteCommand part in compound)
        {
            if (!refused && part is Tcp.Write write)
            {
                refused = !OnWrite(write);
            }
            else
            {
                refused = true;
                Sender.Tell(part.FailureMessage, Self);
            }
        }
    }

    /// <summary>Takes <paramref name="write"/> or refuses it with CommandFailed; returns whether it was taken.</summary>
    private bool OnWrite(Tcp.Write write)
    {
        IActorRef sender = Sender;
        if (_refusingWrites || _closing)
        {
            sender.Tell(write.FailureMessage, Self);
            return false;
        }

        if (WritesIdle)
        {
            StartWrite(new PendingWrite(write, sender));
            return true;
        }

        WriteBacklog backlog = _backlog!;
        if (backlog.QueuedBytes + QueuedCost(write) <= Settings.WriteQueueLimit)
        {
            (backlog.Queued ??= new Queue<PendingWrite>()).Enqueue(new PendingWrite(write, sender));
            backlog.QueuedBytes += QueuedCost(write);
            return true;
        }

        // The NACK: the queue is full. With resume-writing, refuse everything until ResumeWriting.
        sender.Tell(write.FailureMessage, Self);
        if (_useResumeWriting)
        {
            _refusingWrites = true;
        }

        return false;
    }

    private static long QueuedCost(Tcp.Write write) => write.Data.Count + QueuedWriteOverhead;

    /// <summary>Hands one write to the kernel; returns true when it was taken (and acknowledged) at once.</summary>
    private bool StartWrite(PendingWrite pending)
    {
        if (pending.Write.Data.Count == 0 || _channel!.TrySend(pending.Write.Data))
        {
            Acknowledge(pending);
            return true;
        }

        (_backlog ??= new WriteBacklog()).InFlight = pending;
        return false;
    }

    private void OnSendCompleted()
    {
        if (_backlog is not { } backlog)
        {
            return;
        }

        if (backlog.InFlight is { } done)
        {
            backlog.InFlight = null;
            Acknowledge(done);
        }

        while (backlog.Queued is not null && backlog.Queued.TryDequeue(out PendingWrite next))
        {
            backlog.QueuedBytes -= QueuedCost(next.Write);
            if (!StartWrite(next))
            {
                return;
            }
        }

        OnWritesDrained(backlog);
    }

    private void OnResumeWriting()
    {
        if (WritesIdle)
        {
            _refusingWrites = false;
            Sender.Tell(Tcp.WritingResumed.Instance, Self);
            return;
        }

        // Everyone who asks is answered, not only the last one.
        List<IActorRef> requesters = _backlog!.ResumeWritingRequesters ??= [];
        if (!requesters.Contains(Sender))
        {
            requesters.Add(Sender);
        }
    }

    private void OnWritesDrained(WriteBacklog backlog)
    {
        if (backlog.ResumeWritingRequesters is { } requesters)
        {
            backlog.ResumeWritingRequesters = null;
            _refusingWrites = false;
            foreach (IActorRef requester in requesters)
            {
                requester.Tell(Tcp.WritingResumed.Instance, Self);
            }
        }

        if (_closing)
        {
            FinishClose();
        }
    }

    /// <summary>
    /// The bytes of accepted writes not yet handed to the kernel, counting the write in flight whole (the kernel may
    /// already have taken part of it), for the close-timeout log line.
    /// </summary>
    private long UnsentBytes()
    {
        if (_backlog is not { } backlog)
        {
            return 0;
        }

        long unsent = backlog.InFlight?.Write.Data.Count ?? 0;
        foreach (PendingWrite queued in backlog.Queued ?? [])
        {
            unsent += queued.Write.Data.Count;
        }

        return unsent;
    }

    private void Acknowledge(PendingWrite pending)
    {
        if (pending.Write.WantsAck)
        {
            // _self, not Self: an inline write acknowledges outside this actor's turn.
            pending.Sender.Tell(pending.Write.Ack, _self);
        }
    }

    /// <summary>
    /// Tells the writers whose writes will now never be sent: those waiting for an ack, and any writer
    /// other than the handler (the handler learns it from the close event).
    /// </summary>
    private void FailQueuedWrites(string cause)
    {
        if (_backlog is not { } backlog)
        {
            return;
        }

        var error = new IOException(cause);
        if (backlog.InFlight is { } inFlight)
        {
            backlog.InFlight = null;
            FailWrite(inFlight, error);
        }

        while (backlog.Queued is not null && backlog.Queued.TryDequeue(out PendingWrite queued))
        {
            FailWrite(queued, error);
        }

        backlog.QueuedBytes = 0;
    }

    private void FailWrite(PendingWrite pending, IOException error)
    {
        if (pending.Write.WantsAck || !pending.Sender.Equals(_handler))
        {
            pending.Sender.Tell(new Tcp.CommandFailed(pending.Write).WithCause(error), Self);
        }
    }

    private readonly record struct PendingWrite(Tcp.Write Write, IActorRef Sender);

    /// <summary>The write slow path's state: the write in flight, those queued behind it, and who waits for resumption.</summary>
    private sealed class WriteBacklog
    {
        public PendingWrite? InFlight { get; set; }

        public Queue<PendingWrite>? Queued { get; set; }

        /// <summary>What the queued writes count against the write-queue limit: their data plus a fixed overhead each.</summary>
        public long QueuedBytes { get; set; }

        public List<IActorRef>? ResumeWritingRequesters { get; set; }

        public bool IsIdle => InFlight is null && (Queued is null || Queued.Count == 0);
    }
}
