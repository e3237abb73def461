using ActorSockets.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorSockets.Benchmarks.Actors;

/// <summary>
/// Ask round trip: a question to an echo actor and the awaited answer, beside a baseline that
/// completes a TaskCompletionSource from a bare thread-pool work item (the minimum an asynchronous
/// round trip through the thread pool costs). Each invocation awaits <see cref="RoundTrips"/> round
/// trips one after another, so the harness's blocking wait on the returned task is amortized and
/// Mean is the time of one round trip.
/// </summary>
[MemoryDiagnoser]
public class AskBenchmarks
{
    private const int RoundTrips = 1_000;

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

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public async Task ThreadPool_CompleteTaskRoundTrip()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            var item = new CompleteLater();
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
            await item.Task;
        }
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task Actors_Ask_RoundTrip()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            await _echo.Ask<Ball>(Ball.Instance, TimeSpan.FromSeconds(5));
        }
    }

    private sealed class CompleteLater : IThreadPoolWorkItem
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _completion.Task;

        public void Execute() => _completion.SetResult();
    }
}
