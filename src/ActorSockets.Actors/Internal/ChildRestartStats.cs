namespace ActorSockets.Actors.Internal;

/// <summary>Counts a child's restarts for the retry limit of its supervisor strategy.</summary>
internal sealed class ChildRestartStats
{
    private int _count;
    private long _windowStartMs = -1;

    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? window)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }
        if (maxNrOfRetries < 0 && window is null)
        {
            return true;
        }
        var limit = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        if (window is null)
        {
            _count++;
            return _count <= limit;
        }
        var now = Environment.TickCount64;
        if (_windowStartMs < 0 || now - _windowStartMs > (long)window.Value.TotalMilliseconds)
        {
            _windowStartMs = now;
            _count = 1;
            return true;
        }
        _count++;
        return _count <= limit;
    }
}
