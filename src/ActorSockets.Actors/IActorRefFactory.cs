namespace ActorSockets.Actors;

/// <summary>Creates actors and selections: implemented by <see cref="ActorSystem"/> (top-level actors under <c>/user</c>) and by <see cref="IActorContext"/> (children).</summary>
public interface IActorRefFactory
{
    /// <summary>
    /// Creates an actor from <paramref name="props"/> and returns its reference at once; the actor is
    /// constructed asynchronously, and messages told to it meanwhile wait in its mailbox.
    /// </summary>
    /// <param name="props">How to create the actor.</param>
    /// <param name="name">A name unique among its siblings; null picks one such as <c>$a</c>.</param>
    /// <exception cref="InvalidActorNameException">The name is malformed or already taken.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by an absolute path (<c>/user/a/b</c>, <c>akka://sys/user/a</c>) or one relative to this factory (<c>../b</c>, <c>child</c>).</summary>
    ActorSelection ActorSelection(string path);
}
