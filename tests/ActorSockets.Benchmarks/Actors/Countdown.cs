namespace ActorSockets.Benchmarks.Actors;

/// <summary>
/// Counts finished participants and completes a task when the last one finishes. It outlived the benchmarks of the
/// retired home-grown runtime that were in this folder because the chat fan-out benchmarks wait on it.
/// </summary>
internal sealed class Countdown(int participants)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left = participants;

    /// <summary>Gets the task that completes when every participant has signalled.</summary>
    public Task Task => _done.Task;

    /// <summary>Counts one participant as finished.</summary>
    public void Signal()
    {
        if (Interlocked.Decrement(ref _left) == 0)
        {
            _done.TrySetResult();
        }
    }
}
