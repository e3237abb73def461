using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors;

/// <summary>
/// The actor's view of itself and the runtime, valid only while the actor processes a message
/// (or runs a lifecycle hook) on the actor's own thread.
/// </summary>
public interface IActorContext : IActorRefFactory
{
    /// <summary>This actor's reference.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message; dead letters when there was none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor of this actor.</summary>
    IActorRef Parent { get; }

    /// <summary>The props this actor was created from (and is recreated from on restart).</summary>
    Props Props { get; }

    /// <summary>The live children, including ones that are stopping but whose termination was not processed yet.</summary>
    IEnumerable<IActorRef> Children { get; }

    /// <summary>The system this actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>A logger named after the actor's class.</summary>
    ILogger Log { get; }

    /// <summary>The receive timeout in force, or null when none is set.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The child named <paramref name="name"/>, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>
    /// Stops <paramref name="actor"/> (this actor or a child) asynchronously: it finishes the current
    /// message, stops its children, runs <c>PostStop</c>, and its remaining mail goes to dead letters.
    /// </summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> to this actor when <paramref name="subject"/> stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, but delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching <paramref name="subject"/>; a <see cref="Terminated"/> already queued for it is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>
    /// Sends <see cref="Actors.ReceiveTimeout"/> to this actor after <paramref name="timeout"/> without
    /// messages, repeatedly while it stays idle. Messages marked <see cref="INotInfluenceReceiveTimeout"/>
    /// do not count. Null cancels.
    /// </summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>Replaces the current behaviour with <paramref name="receive"/>.</summary>
    void Become(Receive receive);

    /// <summary>Pushes <paramref name="receive"/> on the behaviour stack; <see cref="UnbecomeStacked"/> pops it.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Returns to the behaviour below the current one on the stack.</summary>
    void UnbecomeStacked();
}
