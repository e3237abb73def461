using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// The base of every actor. An actor is constructed by the runtime from its <see cref="Props"/>
/// (never with <c>new</c> directly), processes one message at a time, and is supervised by its parent.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the actor to the cell that is constructing it.</summary>
    /// <exception cref="ActorInitializationException">The actor was constructed outside <c>ActorOf</c>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new ActorInitializationException(
                $"{GetType().Name} was constructed directly; create actors with ActorOf(Props.Create<{GetType().Name}>()).");
    }

    /// <summary>This actor's reference.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the current message; dead letters when there was none.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The actor's context: children, watch, timeouts, behaviour, logging.</summary>
    protected IActorContext Context => _cell;

    internal ActorCell Cell => _cell;

    /// <summary>The initial behaviour: handles <paramref name="message"/> and returns whether it did.</summary>
    protected abstract bool Receive(object message);

    /// <summary>Runs after construction, before the first message. Throwing fails the actor with an <see cref="ActorInitializationException"/>.</summary>
    protected virtual void PreStart() { }

    /// <summary>Runs once the actor and all its children have stopped. Exceptions are logged and ignored.</summary>
    protected virtual void PostStop() { }

    /// <summary>
    /// Runs on the failed instance before a restart. The default stops all children and calls
    /// <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }
        PostStop();
    }

    /// <summary>Runs on the new instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// Called for messages the behaviour did not handle. The default fails the actor with a
    /// <see cref="DeathPactException"/> for an unhandled <see cref="Terminated"/>, and otherwise publishes
    /// an <see cref="UnhandledMessage"/> on the event stream.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException($"{Self.Path} did not handle Terminated of the watched actor {terminated.ActorRef.Path}.");
        }
        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.CurrentSender, Self));
    }

    /// <summary>The strategy that supervises this actor's children, unless its props name one. Defaults to <see cref="Actors.SupervisorStrategy.DefaultStrategy"/>.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    internal bool InvokeReceive(object message) => Receive(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();

    /// <summary>Called by the runtime once the constructor has returned.</summary>
    internal virtual void OnConstructed() { }
}
