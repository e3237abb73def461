namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// The guest-number blocks a host holds (leased from the <see cref="NickAuthority"/>): the current one and at most
/// one more, taken in order. Not thread-safe: the registry's own state.
/// </summary>
internal sealed class GuestNumbers(long blockSize)
{
    private long _first;
    private long _next;
    private long _end;
    private long _spareFirst;
    private long _spareEnd;

    /// <summary>Less than half a block left, and no spare block: time to lease one.</summary>
    public bool Low => _spareEnd == 0 && _end - _next < blockSize / 2;

    /// <summary>Adds a leased block (ignored when a spare is held already: a late answer to a repeated request).</summary>
    public void Add(long first, long count)
    {
        if (_next == _end)
        {
            (_first, _next, _end) = (first, first, first + count);
        }
        else if (_spareEnd == 0)
        {
            (_spareFirst, _spareEnd) = (first, first + count);
        }
    }

    /// <summary>The next leased number, if any is left.</summary>
    public bool TryTake(out long number)
    {
        if (_next == _end && _spareEnd != 0)
        {
            (_first, _next, _end, _spareFirst, _spareEnd) = (_spareFirst, _spareFirst, _spareEnd, 0, 0);
        }

        if (_next == _end)
        {
            number = 0;
            return false;
        }

        number = _next++;
        return true;
    }

    /// <summary>The first numbers of the blocks held (for the authority's census).</summary>
    public long[] Held() => [.. new[] { _next == _end ? 0 : _first, _spareFirst }.Where(first => first > 0)];
}
