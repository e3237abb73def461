using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (or in
/// <see cref="Become(Action)"/>): the first handler whose type (and predicate) matches a message
/// handles it; a message no handler matches goes to <see cref="ActorBase.Unhandled"/>.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly HandlerSet _initial = new();
    private HandlerSet? _building;

    /// <summary>Starts collecting the initial handlers.</summary>
    protected ReceiveActor()
    {
        _building = _initial;
    }

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler) => Building().Add(new ActionHandler<T>(handler, null));

    /// <summary>Handles messages of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => Building().Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles messages of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle) => Building().Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles messages of type <typeparamref name="T"/>; returning false passes the message on to the next handler.</summary>
    protected void Receive<T>(Func<T, bool> handler) => Building().Add(new FuncHandler<T>(handler));

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: the actor takes no other
    /// message until the returned task completes, continuations after <c>await</c> run as the actor (so
    /// <c>Sender</c>, <c>Self</c> and <c>Context</c> stay valid), and a faulted task fails the actor.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) =>
        Building().Add(new AsyncHandler<T>(handler, shouldHandle));

    /// <summary>Handles messages of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/> asynchronously (see <see cref="ReceiveAsync{T}(Func{T, Task}, Predicate{T}?)"/>).</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) =>
        Building().Add(new AsyncHandler<T>(handler, shouldHandle));

    /// <summary>Handles every message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Building().Add(new ActionHandler<object>(handler, null));

    /// <summary>Handles every message not handled by an earlier handler, asynchronously (see <see cref="ReceiveAsync{T}(Func{T, Task}, Predicate{T}?)"/>).</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => Building().Add(new AsyncHandler<object>(handler, null));

    /// <summary>Replaces the behaviour with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure).Receive);

    /// <summary>Pushes the handlers <paramref name="configure"/> registers on the behaviour stack.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure).Receive);

    /// <summary>Pops the behaviour stack.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    /// <inheritdoc />
    protected sealed override bool Receive(object message) => _initial.Receive(message);

    internal override void OnConstructed() => _building = null;

    private HandlerSet Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _building;
        var set = new HandlerSet();
        _building = set;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }
        return set;
    }

    private HandlerSet Building() =>
        _building ?? throw new InvalidOperationException(
            "Receive handlers can only be registered in the constructor or inside Become/BecomeStacked.");
}
