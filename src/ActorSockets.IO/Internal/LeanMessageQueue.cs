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
    /// <summary>A queue that grew beyond this many messages is dropped when it drains, not kept for the actor's life.</summary>
    private const int KeptCapacity = 8;

    private readonly Lock _lock = new();
    private Queue<Envelope>? _queue;
    private int _peak;
    private volatile int _count;

    public bool HasMessages => _count > 0;

    public int Count => _count;

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (_lock)
        {
            _queue ??= new Queue<Envelope>(2);
            _queue.Enqueue(envelope);
            _count = _queue.Count;
            if (_count > _peak)
            {
                _peak = _count;
            }
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
            if (_queue is null || !_queue.TryDequeue(out envelope))
            {
                envelope = default;
                return false;
            }

            _count = _queue.Count;
            if (_count == 0 && _peak > KeptCapacity)
            {
                _queue = null;
                _peak = 0;
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
}
