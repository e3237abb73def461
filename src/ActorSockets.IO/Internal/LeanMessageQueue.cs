using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace ActorSockets.IO.Internal;

/// <summary>
/// An unbounded multi-producer, single-consumer queue that allocates its storage on the first message and gives it
/// back when it drains after having grown, so an idle connection actor's mailbox costs one small object.
/// </summary>
/// <remarks>
/// A plain lock: producers (the handler's writes, the socket's completions) and the one consumer (the actor's run)
/// each hold it for a queue operation only, never while running user code. The race it prevents is a producer
/// growing the queue's array while the consumer reads from it. <see cref="Count"/> is kept in a separate volatile
/// field so the dispatcher's "has messages" checks take no lock.
/// </remarks>
internal sealed class LeanMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    /// <summary>A ring that grew beyond this many slots is dropped when it drains, not kept for the actor's life.</summary>
    private const int KeptCapacity = 8;

    private const int FirstCapacity = 2;

    private readonly Lock _lock = new();

    /// <summary>
    /// The messages, a ring of <see cref="_count"/> envelopes from <see cref="_head"/>: our own ring rather than a
    /// <see cref="Queue{T}"/>, which would add an object per connection around the same array.
    /// </summary>
    private Envelope[]? _ring;
    private int _head;
    private volatile int _count;

    /// <summary>
    /// A message was dequeued and its turn has not ended yet (<see cref="Handled"/>). The one consumer takes the next
    /// message only after the last one's turn, so at most one is in that state.
    /// </summary>
    private volatile bool _inTurn;

    public bool HasMessages => _count > 0;

    /// <summary>
    /// Whether every message enqueued so far has been handled to the end of the actor's turn (not just dequeued):
    /// then nothing anyone sent the actor can still be overtaken by work done outside its turn.
    /// </summary>
    /// <remarks>
    /// <see cref="_count"/> is read before <see cref="_inTurn"/>, and a dequeue sets <see cref="_inTurn"/> before it
    /// lowers the count, so a message between dequeue and turn is never missed. A dequeued message that never reaches
    /// the actor's receive (Akka handles PoisonPill itself) leaves <see cref="_inTurn"/> set until the next turn: the
    /// safe side.
    /// </remarks>
    public bool AllHandled => _count == 0 && !_inTurn;

    /// <summary>The actor's turn for the message it last took from this queue has ended.</summary>
    public void Handled() => _inTurn = false;

    public int Count => _count;

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (_lock)
        {
            Envelope[] ring = _ring ??= new Envelope[FirstCapacity];
            int count = _count;
            if (count == ring.Length)
            {
                ring = Grow(ring, count);
            }

            ring[(_head + count) % ring.Length] = envelope;
            _count = count + 1;
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (_count == 0)
        {
            envelope = default;
            return false;
        }

        lock (_lock)
        {
            Envelope[]? ring = _ring;
            int count = _count;
            if (ring is null || count == 0)
            {
                envelope = default;
                return false;
            }

            envelope = ring[_head];
            ring[_head] = default;
            _head = (_head + 1) % ring.Length;
            _inTurn = true;
            _count = count - 1;
            if (count == 1 && ring.Length > KeptCapacity)
            {
                _ring = null;
                _head = 0;
            }

            return true;
        }
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out Envelope envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }

    /// <summary>Doubles a full ring, its messages moved to the front in order. Called under the lock.</summary>
    private Envelope[] Grow(Envelope[] ring, int count)
    {
        var grown = new Envelope[ring.Length * 2];
        for (int i = 0; i < count; i++)
        {
            grown[i] = ring[(_head + i) % ring.Length];
        }

        _ring = grown;
        _head = 0;
        return grown;
    }
}
