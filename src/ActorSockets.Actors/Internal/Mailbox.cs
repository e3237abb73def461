using System.Diagnostics;

namespace ActorSockets.Actors.Internal;

/// <summary>
/// An actor's mailbox: a lock-free queue of user messages, a separate stack of system messages, and
/// an <c>int</c> status. The mailbox is its own thread-pool work item, so scheduling an actor
/// allocates nothing.
/// <para>
/// Exactly one thread runs an actor at a time: only the thread that flips the <see cref="Scheduled"/>
/// bit with a compare-and-swap gets to run it (it queues the work item, or runs it inline or through the
/// run-next slot, see Mailbox.RunNext.cs), and the bit is cleared only at the end of a run.
/// Lost wake-up prevented: a producer enqueues and then tries to schedule; the runner clears the bit
/// and then re-checks both queues. Either the producer's CAS sees the bit clear, or its enqueue
/// happened before the clear and the runner's re-check sees the message.
/// </para>
/// <para>
/// A run processes all system messages, then up to <c>throughput</c> user messages, re-checking
/// system messages after each one. A closed mailbox (stopped actor) is still scheduled when a late
/// message slips in, so that message is drained to dead letters by the single runner.
/// </para>
/// </summary>
internal sealed partial class Mailbox : IThreadPoolWorkItem
{
    private const int Scheduled = 1;
    private const int Suspended = 2;
    private const int Closed = 4;

    private readonly ActorCell _cell;
    private readonly int _throughput;
    private readonly int _capacity;
    private readonly MailboxOverflowStrategy _overflow;
    private readonly bool _runsInlineWhenIdle;
    private int _status = Suspended;
    private int _count;
    private SystemMessage? _systemHead;
    private EnvelopeQueue _queue;
    private EnvelopeDeque? _prepended;

    public Mailbox(ActorCell cell, int throughput, int capacity, MailboxOverflowStrategy overflow, bool runsInlineWhenIdle)
    {
        _cell = cell;
        _throughput = throughput;
        _capacity = capacity;
        _overflow = overflow;
        _runsInlineWhenIdle = runsInlineWhenIdle;
    }

    public bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    /// <summary>Neither scheduled nor holding mail: the next message schedules it (for tests).</summary>
    internal bool IsIdle => (Volatile.Read(ref _status) & Scheduled) == 0 && !HasMessages && !HasSystemMessages;

    private bool HasMessages => _queue.HasMessages || _prepended is { Count: > 0 };

    private bool HasSystemMessages
    {
        get
        {
            var head = Volatile.Read(ref _systemHead);
            return head is not null && head is not ClosedMarker;
        }
    }

    /// <summary>Enqueues a user message from any thread and schedules the actor.</summary>
    public void Post(object message, IActorRef? sender)
    {
        if ((Volatile.Read(ref _status) & Closed) != 0)
        {
            _cell.SystemImpl.DeadLetterRef.Publish(message, sender, _cell.Self);
            return;
        }
        if (_capacity > 0 && Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            Overflow(message, sender);
            return;
        }
        _queue.Enqueue(message, sender, this);
        // Lost wake-up prevented (Dekker): we publish the message, then read the status; the runner
        // clears Scheduled (a full fence), then looks for messages. x64 may let our status read pass our
        // publishing store, so both sides could miss each other and the message would sit unprocessed
        // forever. A full fence between publish and read rules that out.
        Interlocked.MemoryBarrier();
        TrySchedule(hasMessages: true, hasSystemMessages: false);
    }

    /// <summary>Pushes a system message from any thread; on a closed mailbox it is handled as sent to a dead actor.</summary>
    public void PostSystem(SystemMessage message)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is ClosedMarker)
            {
                _cell.HandleDeadSystemMessage(message);
                return;
            }
            message.Next = head;
            if (Interlocked.CompareExchange(ref _systemHead, message, head) == head)
            {
                break;
            }
        }
        TrySchedule(hasMessages: false, hasSystemMessages: true);
    }

    /// <summary>Puts messages in front of the queue (unstash); runner thread only.</summary>
    public void Prepend(in Envelope envelope) => (_prepended ??= new EnvelopeDeque()).PushFront(envelope);

    public void SetSuspended(bool suspended)
    {
        if (suspended)
        {
            Interlocked.Or(ref _status, Suspended);
        }
        else
        {
            Interlocked.And(ref _status, ~Suspended);
        }
    }

    /// <summary>Closes the mailbox (runner thread only): later mail goes to dead letters.</summary>
    public void Close()
    {
        Interlocked.Or(ref _status, Closed);
        var pending = Interlocked.Exchange(ref _systemHead, ClosedMarker.Instance);
        for (var message = Reverse(pending); message is not null;)
        {
            var next = message.Next;
            message.Next = null;
            _cell.HandleDeadSystemMessage(message);
            message = next;
        }
        DrainToDeadLetters();
    }

    /// <summary>The thread pool's entry: one run.</summary>
    public void Execute() => Run();

    /// <summary>One run of the actor: its system messages, then up to <c>throughput</c> user messages.</summary>
    private void Run()
    {
        var previous = ActorCell.Current;
        ActorCell.Current = _cell;
        try
        {
            if ((Volatile.Read(ref _status) & Closed) == 0)
            {
                ProcessSystemMessages();
                ProcessMessages();
            }
            if ((Volatile.Read(ref _status) & Closed) != 0)
            {
                DrainToDeadLetters();
            }
        }
        finally
        {
            ActorCell.Current = previous;
            AssertInvariants();
            Interlocked.And(ref _status, ~Scheduled);
            TrySchedule(HasMessages, HasSystemMessages, rescheduling: true);
        }
    }

    /// <summary>Queues the actor to run unless it is scheduled already or has nothing it may run now.</summary>
    /// <param name="hasMessages">Whether user messages are waiting.</param>
    /// <param name="hasSystemMessages">Whether system messages are waiting.</param>
    /// <param name="rescheduling">
    /// The runner itself, with work left after its run: that always goes to the thread pool's queue, behind
    /// everything else waiting, never to the run-next slot or an inline run (either would let one busy actor
    /// keep its thread).
    /// </param>
    private void TrySchedule(bool hasMessages, bool hasSystemMessages, bool rescheduling = false)
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & Scheduled) != 0)
            {
                return;
            }
            var canRun = (status & Closed) != 0
                ? hasMessages
                : hasSystemMessages || (hasMessages && (status & Suspended) == 0);
            if (!canRun)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _status, status | Scheduled, status) == status)
            {
                if (!rescheduling && (TryTakeRunNextSlot() || (_runsInlineWhenIdle && TryRunInline())))
                {
                    return;
                }

                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }
        }
    }

    private void ProcessMessages()
    {
        var left = _throughput;
        while (left-- > 0 && (Volatile.Read(ref _status) & (Suspended | Closed)) == 0 && TryDequeue(out var envelope))
        {
            _cell.Invoke(envelope.Message, envelope.Sender);
            if (Volatile.Read(ref _systemHead) is not null)
            {
                ProcessSystemMessages();
            }
        }
    }

    private bool TryDequeue(out Envelope envelope)
    {
        if (_prepended is { Count: > 0 } prepended)
        {
            envelope = prepended.PopFront();
            return true;
        }
        if (_queue.TryDequeue(out envelope))
        {
            if (_capacity > 0)
            {
                Interlocked.Decrement(ref _count);
            }
            return true;
        }
        return false;
    }

    private void ProcessSystemMessages()
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is null || head is ClosedMarker)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _systemHead, null, head) != head)
            {
                continue;
            }
            for (var message = Reverse(head); message is not null;)
            {
                var next = message.Next;
                message.Next = null;
                if (_cell.IsTerminated)
                {
                    _cell.HandleDeadSystemMessage(message);
                }
                else
                {
                    _cell.SystemInvoke(message);
                }
                message = next;
            }
        }
    }

    private void DrainToDeadLetters()
    {
        var deadLetters = _cell.SystemImpl.DeadLetterRef;
        while (TryDequeue(out var envelope))
        {
            deadLetters.Publish(envelope.Message, envelope.Sender, _cell.Self);
        }
    }

    private void Overflow(object message, IActorRef? sender)
    {
        _cell.SystemImpl.DeadLetterRef.Publish(message, sender, _cell.Self);
        if (_overflow == MailboxOverflowStrategy.Fail)
        {
            PostSystem(new MailboxOverflowed());
        }
    }

    private static SystemMessage? Reverse(SystemMessage? head)
    {
        SystemMessage? reversed = null;
        while (head is not null and not ClosedMarker)
        {
            var next = head.Next;
            head.Next = reversed;
            reversed = head;
            head = next;
        }
        return reversed;
    }

    [Conditional("DEBUG")]
    public void AssertInvariants()
    {
        var status = Volatile.Read(ref _status);
        Debug.Assert((status & ~(Scheduled | Suspended | Closed)) == 0, "unknown status bits");
        Debug.Assert((status & Scheduled) != 0, "a mailbox runs only while scheduled");
        Debug.Assert(_capacity == 0 || Volatile.Read(ref _count) <= _capacity, "bounded mailbox over capacity");
    }
}
