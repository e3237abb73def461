using Akka.Actor;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// Watches the registered handlers of every connection of one TCP manager, and tells a connection
/// <see cref="HandlerTerminated"/> when its handler dies, so a connection need not watch its handler itself.
/// </summary>
/// <remarks>
/// Why: an actor that watches anything carries Akka's full watch state (two dictionaries, a set and a behaviour
/// stack, about 450 B) for the rest of its life; one such state here, with a dictionary entry per watched handler,
/// costs a few dozen bytes per connection instead. A connection sends <see cref="Watch"/> when its handler
/// registers and <see cref="Forget"/> when it stops; both come from the connection in that order, so a
/// <see cref="Forget"/> never overtakes its <see cref="Watch"/>. A handler may serve several connections: it is
/// watched while any of them is alive, and its death is told to each.
/// </remarks>
internal sealed class HandlerWatcher : ActorBase
{
    /// <summary>Per watched handler, its connection, or a <see cref="HashSet{T}"/> of them when it has several.</summary>
    private readonly Dictionary<IActorRef, object> _connections = new();

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Watch watch:
                OnWatch(watch.Handler, watch.Connection);
                return true;
            case Forget forget:
                OnForget(forget.Handler, forget.Connection);
                return true;
            case Terminated terminated:
                OnTerminated(terminated.ActorRef);
                return true;
            default:
                return false;
        }
    }

    private void OnWatch(IActorRef handler, IActorRef connection)
    {
        if (!_connections.TryGetValue(handler, out object? known))
        {
            _connections[handler] = connection;
            Context.Watch(handler);
        }
        else if (known is HashSet<IActorRef> several)
        {
            several.Add(connection);
        }
        else if (!known.Equals(connection))
        {
            _connections[handler] = new HashSet<IActorRef> { (IActorRef)known, connection };
        }
    }

    private void OnForget(IActorRef handler, IActorRef connection)
    {
        if (!_connections.TryGetValue(handler, out object? known))
        {
            return;
        }

        if (known is HashSet<IActorRef> several)
        {
            several.Remove(connection);
            if (several.Count > 0)
            {
                return;
            }
        }
        else if (!known.Equals(connection))
        {
            return;
        }

        _connections.Remove(handler);
        Context.Unwatch(handler);
    }

    private void OnTerminated(IActorRef handler)
    {
        if (!_connections.Remove(handler, out object? known))
        {
            return;
        }

        if (known is HashSet<IActorRef> several)
        {
            foreach (IActorRef connection in several)
            {
                connection.Tell(HandlerTerminated.Instance, Self);
            }
        }
        else
        {
            ((IActorRef)known).Tell(HandlerTerminated.Instance, Self);
        }
    }

    /// <summary>Sent by a connection when <paramref name="Handler"/> registers for it.</summary>
    internal sealed record Watch(IActorRef Handler, IActorRef Connection) : IDeadLetterSuppression;

    /// <summary>Sent by a connection that stops after <paramref name="Handler"/> registered for it.</summary>
    internal sealed record Forget(IActorRef Handler, IActorRef Connection) : IDeadLetterSuppression;

    /// <summary>Told to a connection whose registered handler died.</summary>
    internal sealed record HandlerTerminated : IDeadLetterSuppression
    {
        public static HandlerTerminated Instance { get; } = new();

        private HandlerTerminated()
        {
        }
    }
}
