using ActorSockets.Actors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActorSockets.Benchmarks.Actors;

/// <summary>
/// Message throughput between pairs of actors that bounce balls back and forth: one pair with one
/// ball (latency-bound), and eight pairs with 100 balls each in flight (throughput-bound). Each is
/// beside a baseline doing the same number of hand-offs with bare thread-pool work items. Times are
/// per message, so messages per second = 1 / Mean; Allocated is per message.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PingPongBenchmarks
{
    private const int MessagesPerPair = 200_000;
    private const int OnePairMessages = MessagesPerPair;
    private const int EightPairsMessages = 8 * MessagesPerPair;

    private ActorSystem _system = null!;
    private (IActorRef Pinger, IActorRef Ponger)[] _pairs = [];

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("pingpong", "actorsockets.actor.log-dead-letters = off");
        _pairs = Enumerable.Range(0, 8)
            .Select(_ => (_system.ActorOf(Props.Create<Pinger>()), _system.ActorOf(Props.Create<Ponger>())))
            .ToArray();
        // Check the benchmark means what it says before timing anything: a round really completes.
        if (!Round(1, 1, 10).Wait(TimeSpan.FromSeconds(10)) || !Round(8, 100, 1000).Wait(TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException("A ping-pong round did not complete.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Benchmark(Baseline = true, OperationsPerInvoke = OnePairMessages)]
    [BenchmarkCategory("OnePair")]
    public Task ThreadPool_OnePair_OneInFlight() => Bare(1, 1, OnePairMessages);

    [Benchmark(OperationsPerInvoke = OnePairMessages)]
    [BenchmarkCategory("OnePair")]
    public Task Actors_OnePair_OneInFlight() => Round(1, 1, MessagesPerPair / 2);

    [Benchmark(Baseline = true, OperationsPerInvoke = EightPairsMessages)]
    [BenchmarkCategory("EightPairs")]
    public Task ThreadPool_EightPairs_100InFlight() => Bare(8, 100, EightPairsMessages);

    [Benchmark(OperationsPerInvoke = EightPairsMessages)]
    [BenchmarkCategory("EightPairs")]
    public Task Actors_EightPairs_100InFlight() => Round(8, 100, MessagesPerPair / 2);

    /// <summary>Each pinger serves <paramref name="balls"/> and stops after <paramref name="hits"/> returns (2 messages per hit).</summary>
    private Task Round(int pairs, int balls, int hits)
    {
        var done = new Countdown(pairs);
        for (var i = 0; i < pairs; i++)
        {
            _pairs[i].Pinger.Tell(new Serve(_pairs[i].Ponger, balls, hits, done), ActorRefs.NoSender);
        }
        return done.Task;
    }

    private static Task Bare(int pairs, int ballsPerPair, int totalHops)
    {
        var balls = pairs * ballsPerPair;
        var done = new Countdown(balls);
        for (var i = 0; i < balls; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(new BareBall(totalHops / balls, done), preferLocal: false);
        }
        return done.Task;
    }
}
