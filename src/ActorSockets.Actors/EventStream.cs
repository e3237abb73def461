using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// A system-wide publish/subscribe bus keyed by message type: a subscriber to a type receives every
/// published event of that type or a subtype. Stopped subscribers are removed automatically.
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>True when anyone is subscribed (publishers may skip building events otherwise).</summary>
    public bool HasSubscribers => Volatile.Read(ref _subscriptions).Length > 0;

    /// <summary>Subscribes <paramref name="subscriber"/> to events of <paramref name="channel"/>; false if it already was.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            foreach (var s in _subscriptions)
            {
                if (s.Channel == channel && s.Subscriber.Equals(subscriber))
                {
                    return false;
                }
            }
            _subscriptions = [.. _subscriptions, new Subscription(channel, subscriber)];
            return true;
        }
    }

    /// <summary>Removes the subscription of <paramref name="subscriber"/> to <paramref name="channel"/>; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return RemoveWhere(s => s.Channel == channel && s.Subscriber.Equals(subscriber));
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return RemoveWhere(s => s.Subscriber.Equals(subscriber));
    }

    /// <summary>Tells <paramref name="event"/> to every subscriber of its type (or a base type or interface of it).</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscriptions = Volatile.Read(ref _subscriptions);
        var sawDead = false;
        foreach (var s in subscriptions)
        {
            if (s.Subscriber is InternalActorRef { IsTerminated: true })
            {
                sawDead = true;
                continue;
            }
            if (s.Channel.IsInstanceOfType(@event))
            {
                s.Subscriber.Tell(@event, null);
            }
        }
        if (sawDead)
        {
            RemoveWhere(static s => s.Subscriber is InternalActorRef { IsTerminated: true });
        }
    }

    private bool RemoveWhere(Func<Subscription, bool> predicate)
    {
        lock (_gate)
        {
            var kept = _subscriptions.Where(s => !predicate(s)).ToArray();
            var removed = kept.Length != _subscriptions.Length;
            _subscriptions = kept;
            return removed;
        }
    }

    private readonly record struct Subscription(Type Channel, IActorRef Subscriber);
}
