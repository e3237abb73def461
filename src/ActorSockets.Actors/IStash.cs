namespace ActorSockets.Actors;

/// <summary>Sets messages aside to process them later, in order.</summary>
public interface IStash
{
    /// <summary>The number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Stashes the current message (with its sender).</summary>
    /// <exception cref="InvalidOperationException">The current message was already stashed.</exception>
    /// <exception cref="StashOverflowException">The stash is at its capacity.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message back in front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back in front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts the stashed messages that match <paramref name="predicate"/> back in front of the mailbox; the rest stay stashed.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held, oldest first.</summary>
    IReadOnlyList<Envelope> ClearStash();
}
