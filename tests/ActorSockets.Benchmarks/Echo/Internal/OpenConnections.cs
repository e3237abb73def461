namespace ActorSockets.Benchmarks.Echo.Internal;

/// <summary>
/// The connections an echo server has open, so that stopping it closes every one, however each would have ended.
/// Once <see cref="StopTaking"/> has run it takes no more: a connection accepted during the stop is refused, and
/// its caller closes it (the race this closes: an accept completing after the stop took its list).
/// </summary>
internal sealed class OpenConnections<T>
    where T : class
{
    private readonly Lock _lock = new();
    private readonly HashSet<T> _open = [];
    private bool _stopped;

    /// <summary>Adds <paramref name="connection"/>; false once stopped, and the caller must close it.</summary>
    public bool TryAdd(T connection)
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return false;
            }

            _open.Add(connection);
            return true;
        }
    }

    /// <summary>Forgets a connection that closed.</summary>
    public void Remove(T connection)
    {
        lock (_lock)
        {
            _open.Remove(connection);
        }
    }

    /// <summary>Takes no more connections and returns those still open, for the caller to close outside the lock.</summary>
    public T[] StopTaking()
    {
        lock (_lock)
        {
            _stopped = true;
            return [.. _open];
        }
    }
}
