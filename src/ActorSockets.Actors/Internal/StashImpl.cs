namespace ActorSockets.Actors.Internal;

/// <summary>An actor's stash, bounded by <c>actorsockets.actor.stash-capacity</c>; used only on the actor's own thread.</summary>
internal sealed class StashImpl(ActorCell cell, int capacity) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public void Stash()
    {
        var message = cell.CurrentMessage ?? throw new InvalidOperationException("Stash can only be called while processing a message.");
        if (_stashed.Count > 0 && ReferenceEquals(_stashed[^1].Message, message))
        {
            throw new InvalidOperationException($"The message {message.GetType().Name} is already stashed.");
        }
        if (capacity > 0 && _stashed.Count >= capacity)
        {
            throw new StashOverflowException($"The stash of {cell.Self.Path} is full ({capacity} messages).");
        }
        _stashed.Add(new Envelope(message, cell.CurrentSender));
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }
        var envelope = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Mailbox.Prepend(envelope);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        for (var i = _stashed.Count - 1; i >= 0; i--)
        {
            if (predicate(_stashed[i]))
            {
                cell.Mailbox.Prepend(_stashed[i]);
                _stashed.RemoveAt(i);
            }
        }
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }

    public void DropToDeadLetters()
    {
        foreach (var envelope in _stashed)
        {
            cell.SystemImpl.DeadLetterRef.Publish(envelope.Message, envelope.Sender, cell.Self);
        }
        _stashed.Clear();
    }
}
