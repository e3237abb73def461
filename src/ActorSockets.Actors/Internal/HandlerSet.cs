namespace ActorSockets.Actors.Internal;

/// <summary>
/// One behaviour of a <see cref="ReceiveActor"/>: its handlers in registration order.
/// <para>
/// A behaviour with a few handlers is dispatched by scanning them: each type test
/// (<c>message is T</c>) is a single type-handle compare for sealed message types, cheaper than any
/// lookup. A behaviour with more handlers (protocol actors with a dozen message types) gets a
/// per-message-type table, built on first use of each type, that lists only the handlers whose type
/// can match, in registration order; so dispatch costs one dictionary lookup and usually one call.
/// </para>
/// </summary>
internal sealed class HandlerSet
{
    private const int ScanLimit = 4;

    private HandlerEntry[] _entries = [];
    private Dictionary<Type, HandlerEntry[]>? _byType;

    public void Add(HandlerEntry entry)
    {
        var entries = new HandlerEntry[_entries.Length + 1];
        _entries.CopyTo(entries, 0);
        entries[^1] = entry;
        _entries = entries;
        _byType = null;
    }

    public bool Receive(object message)
    {
        var entries = _entries.Length <= ScanLimit ? _entries : Candidates(message.GetType());
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].TryHandle(message))
            {
                return true;
            }
        }
        return false;
    }

    private HandlerEntry[] Candidates(Type type)
    {
        var byType = _byType ??= [];
        if (!byType.TryGetValue(type, out var candidates))
        {
            candidates = Array.FindAll(_entries, e => e.MessageType.IsAssignableFrom(type));
            byType[type] = candidates;
        }
        return candidates;
    }
}

internal abstract class HandlerEntry
{
    public abstract Type MessageType { get; }

    public abstract bool TryHandle(object message);
}

internal sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : HandlerEntry
{
    private readonly Action<T> _handler = handler ?? throw new ArgumentNullException(nameof(handler));

    public override Type MessageType => typeof(T);

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

    public override Type MessageType => typeof(T);

    public override bool TryHandle(object message) => message is T typed && _handler(typed);
}

internal sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : HandlerEntry
{
    private readonly Func<T, Task> _handler = handler ?? throw new ArgumentNullException(nameof(handler));

    public override Type MessageType => typeof(T);

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
