using System.Runtime.InteropServices;

namespace ActorSockets.Actors.Internal;

/// <summary>
/// The lock-free multi-producer, single-consumer queue of a mailbox: a chain of ring segments in the
/// style of Vyukov's bounded queue, held inline (a mutable struct field of <see cref="Mailbox"/>).
/// <para>
/// Nothing is allocated until the first message arrives, and then only a small segment, so idle actors
/// stay small. A segment is reused as a ring for as long as it is not full, so a steady stream of
/// messages allocates nothing. When producers fill a segment it is frozen and a twice-as-large one is
/// linked after it; the consumer drains the frozen one before moving on, which keeps FIFO order.
/// </para>
/// <para>
/// Race prevented by freezing: a producer that read the tail position before the freeze could still
/// claim a slot freed by the consumer after the consumer moved on, losing the message. Freezing adds
/// <c>2 * capacity</c> to the tail position atomically, so such a producer's compare-and-swap fails and
/// every later producer sees the segment as full.
/// </para>
/// </summary>
internal struct EnvelopeQueue
{
    private const int InitialSegmentLength = 2;
    private const int MaxSegmentLength = 4096;

    private Segment? _head;
    private Segment? _tail;

    /// <summary>Enqueues from any thread. <paramref name="growLock"/> serialises the rare segment allocations.</summary>
    public void Enqueue(object message, IActorRef? sender, object growLock)
    {
        while (true)
        {
            var tail = Volatile.Read(ref _tail);
            if (tail is not null && tail.TryEnqueue(message, sender))
            {
                return;
            }
            lock (growLock)
            {
                if (ReferenceEquals(Volatile.Read(ref _tail), tail))
                {
                    if (tail is null)
                    {
                        var first = new Segment(InitialSegmentLength);
                        Volatile.Write(ref _head, first);
                        Volatile.Write(ref _tail, first);
                    }
                    else
                    {
                        var next = new Segment(Math.Min(tail.Length * 2, MaxSegmentLength));
                        tail.FreezeAndLink(next);
                        Volatile.Write(ref _tail, next);
                    }
                }
            }
        }
    }

    /// <summary>Dequeues; only the mailbox's current runner may call this.</summary>
    public bool TryDequeue(out Envelope envelope)
    {
        var segment = _head ?? Volatile.Read(ref _head);
        while (segment is not null)
        {
            if (segment.TryDequeue(out envelope))
            {
                return true;
            }
            var next = segment.NextIfDrained();
            if (next is null)
            {
                break;
            }
            _head = segment = next;
        }
        envelope = default;
        return false;
    }

    /// <summary>
    /// Whether a message is ready. Safe from any thread as a hint: a stale answer at worst schedules an
    /// empty run, and a producer that enqueues after this check schedules the mailbox itself.
    /// </summary>
    public bool HasMessages
    {
        get
        {
            var segment = Volatile.Read(ref _head);
            return segment is not null && segment.HasMessages;
        }
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Slot
    {
        public object? Message;
        public IActorRef? Sender;
        public int Sequence;
    }

    /// <summary>
    /// One ring. False sharing prevented: producers compare-and-swap <see cref="_tailPosition"/> and the
    /// consumer writes <see cref="_headPosition"/> for every message; 64 bytes apart they sit on
    /// different cache lines, so the two cores do not steal one line from each other per message.
    /// (Only actors that ever received a message have a segment, so idle actors do not pay for this.)
    /// </summary>
    [StructLayout(LayoutKind.Explicit)]
    private sealed class Segment
    {
        [FieldOffset(0)]
        private readonly Slot[] _slots;
        [FieldOffset(8)]
        private Segment? _next;
        [FieldOffset(16)]
        private readonly int _mask;
        [FieldOffset(20)]
        private bool _frozen;
        [FieldOffset(24)]
        private int _tailPosition;
        [FieldOffset(88)]
        private int _headPosition;

        public Segment(int length)
        {
            _slots = new Slot[length];
            _mask = length - 1;
            for (var i = 0; i < length; i++)
            {
                _slots[i].Sequence = i;
            }
        }

        public int Length => _slots.Length;

        public bool HasMessages
        {
            get
            {
                var position = Volatile.Read(ref _headPosition);
                if (Volatile.Read(ref _slots[position & _mask].Sequence) == position + 1)
                {
                    return true;
                }
                return Volatile.Read(ref _frozen) && Volatile.Read(ref _next) is { } next && next.HasMessages;
            }
        }

        public bool TryEnqueue(object message, IActorRef? sender)
        {
            var slots = _slots;
            while (true)
            {
                var position = Volatile.Read(ref _tailPosition);
                ref var slot = ref slots[position & _mask];
                var difference = Volatile.Read(ref slot.Sequence) - position;
                if (difference == 0)
                {
                    if (Interlocked.CompareExchange(ref _tailPosition, position + 1, position) == position)
                    {
                        slot.Message = message;
                        slot.Sender = sender;
                        Volatile.Write(ref slot.Sequence, position + 1);
                        return true;
                    }
                }
                else if (difference < 0)
                {
                    return false;
                }
            }
        }

        public bool TryDequeue(out Envelope envelope)
        {
            var position = _headPosition;
            ref var slot = ref _slots[position & _mask];
            if (Volatile.Read(ref slot.Sequence) != position + 1)
            {
                envelope = default;
                return false;
            }
            envelope = new Envelope(slot.Message!, slot.Sender);
            slot.Message = null;
            slot.Sender = null;
            Volatile.Write(ref _headPosition, position + 1);
            Volatile.Write(ref slot.Sequence, position + _slots.Length);
            return true;
        }

        /// <summary>The next segment once this one is frozen and every claimed slot was consumed.</summary>
        public Segment? NextIfDrained()
        {
            if (!Volatile.Read(ref _frozen))
            {
                return null;
            }
            var tail = Volatile.Read(ref _tailPosition) - (2 * _slots.Length);
            return _headPosition == tail ? Volatile.Read(ref _next) : null;
        }

        public void FreezeAndLink(Segment next)
        {
            Interlocked.Add(ref _tailPosition, 2 * _slots.Length);
            Volatile.Write(ref _next, next);
            Volatile.Write(ref _frozen, true);
        }
    }
}
