namespace ActorSockets.Benchmarks.Chat.Internal;

/// <summary>Completes once <c>count</c> parties have arrived: here, once every member has read its join notices.</summary>
internal sealed class SetupGate(int count)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public Task Ready => _ready.Task;

    public void Arrive()
    {
        if (Interlocked.Increment(ref _arrived) == count)
        {
            _ready.TrySetResult();
        }
    }
}
