namespace ActorSockets.Actors;

/// <summary>A handle to something that can be cancelled, such as a scheduled message.</summary>
public interface ICancelable
{
    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels; calling it again does nothing.</summary>
    void Cancel();
}
