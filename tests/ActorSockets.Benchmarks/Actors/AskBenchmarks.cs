using ActorSockets.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorSockets.Benchmarks.Actors;

/// <summary>
/// Ask round trip: a question to an echo actor and the awaited answer, beside a baseline that
/// completes a TaskCompletionSource from a bare thread-pool work item (the minimum an asynchronous
/// round trip through the thread pool costs).
/// </summary>
[MemoryDiagnoser]
public class AskBenchmarks
{
    private ActorSystem _system = null!;
    private IActorRef _echo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("ask", "actorsockets.actor.log-dead-letters = off");
        _echo = _system.ActorOf(Props.Create<Ponger>());
        if (_echo.Ask<Ball>(Ball.Instance, TimeSpan.FromSeconds(5)).Result != Ball.Instance)
        {
            throw new InvalidOperationException("The echo actor did not answer.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Benchmark(Baseline = true)]
    public Task ThreadPool_CompleteTaskRoundTrip()
    {
        var item = new CompleteLater();
        ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
        return item.Task;
    }

    [Benchmark]
    public Task Actors_Ask_RoundTrip() => _echo.Ask<Ball>(Ball.Instance, TimeSpan.FromSeconds(5));

    private sealed class CompleteLater : IThreadPoolWorkItem
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _completion.Task;

        public void Execute() => _completion.SetResult();
    }
}
