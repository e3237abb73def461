namespace ActorSockets.Actors.Internal;

internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout?.Timeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is null || timeout.Value <= TimeSpan.Zero || timeout.Value == Timeout.InfiniteTimeSpan)
        {
            CancelReceiveTimeout();
            return;
        }
        var extras = Extras;
        if (extras.ReceiveTimeout is { } existing)
        {
            existing.Restart(timeout.Value);
        }
        else
        {
            extras.ReceiveTimeout = new ReceiveTimeoutState(_self, timeout.Value, _system.TimeProvider);
        }
    }

    private void CancelReceiveTimeout()
    {
        if (_extras?.ReceiveTimeout is { } state)
        {
            state.Dispose();
            _extras.ReceiveTimeout = null;
        }
    }
}
