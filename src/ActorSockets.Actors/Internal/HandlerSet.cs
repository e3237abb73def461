namespace ActorSockets.Actors.Internal;

/// <summary>
/// One behaviour of a <see cref="ReceiveActor"/>: its handlers in registration order. Dispatch is a
/// scan of generic handlers whose type test (<c>message is T</c>) is a single type-handle compare for
/// sealed message types; behaviours have a handful of handlers, so this beats a dictionary lookup.
/// </summary>
internal sealed class HandlerSet
{
    private HandlerEntry[] _entries = [];

    public void Add(HandlerEntry entry)
    {
        var entries = new HandlerEntry[_entries.Length + 1];
        _entries.CopyTo(entries, 0);
        entries[^1] = entry;
        _entries = entries;
    }

    public bool Receive(object message)
    {
        var entries = _entries;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].TryHandle(message))
            {
                return true;
            }
        }
        return false;
    }
}

internal abstract class HandlerEntry
{
    public abstract bool TryHandle(object message);
}

internal sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : HandlerEntry
{
    private readonly Action<T> _handler = handler ?? throw new ArgumentNullException(nameof(handler));

    public override bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            _handler(typed);
            return true;
        }
        return false;
    }
}

internal sealed class FuncHandler<T>(Func<T, bool> handler) : HandlerEntry
{
    private readonly Func<T, bool> _handler = handler ?? throw new ArgumentNullException(nameof(handler));

    public override bool TryHandle(object message) => message is T typed && _handler(typed);
}

internal sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : HandlerEntry
{
    private readonly Func<T, Task> _handler = handler ?? throw new ArgumentNullException(nameof(handler));

    public override bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            var cell = ActorCell.Current ?? throw new InvalidOperationException("An async handler ran outside its actor.");
            cell.RunTask(_handler, typed);
            return true;
        }
        return false;
    }
}
