namespace ActorSockets.Actors;

/// <summary>A cancelable flag, optionally running an action once when cancelled.</summary>
public sealed class Cancelable : ICancelable
{
    private Action? _onCancel;
    private int _cancelled;

    /// <summary>Creates a handle that runs <paramref name="onCancel"/> (if any) on the first <see cref="Cancel"/>.</summary>
    public Cancelable(Action? onCancel = null)
    {
        _onCancel = onCancel;
    }

    /// <inheritdoc />
    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    /// <inheritdoc />
    public void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) == 0)
        {
            Interlocked.Exchange(ref _onCancel, null)?.Invoke();
        }
    }
}
