using ActorSockets.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorSockets.Benchmarks.Actors;

/// <summary>
/// Spawn rate (per actor: ActorOf plus construction and PreStart on the actor's thread) and the heap
/// an idle actor retains. Spawns per second = 1 / Mean. The retained bytes per idle actor are
/// measured once in the global setup with GC.GetTotalMemory before and after 100,000 actors and
/// printed to the log as "// bytes per idle actor".
/// </summary>
[MemoryDiagnoser]
public class SpawnBenchmarks
{
    private const int ActorsPerInvoke = 10_000;
    private const int IdleActors = 100_000;

    private ActorSystem _system = null!;
    private Props _idleProps = null!;

    [GlobalSetup]
    public void Setup()
    {
        _idleProps = Props.Create<IdleActor>();
        MeasureIdleActorBytes();
    }

    [IterationSetup]
    public void IterationSetup() => _system = ActorSystem.Create("spawn", "actorsockets.actor.log-dead-letters = off");

    [IterationCleanup]
    public void IterationCleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(30));

    [Benchmark(OperationsPerInvoke = ActorsPerInvoke)]
    public Task Actors_Spawn_UntilStarted()
    {
        var started = new Countdown(ActorsPerInvoke);
        var props = Props.Create(() => new StartedActor(started));
        for (var i = 0; i < ActorsPerInvoke; i++)
        {
            _system.ActorOf(props);
        }
        return started.Task;
    }

    private void MeasureIdleActorBytes()
    {
        var system = ActorSystem.Create("idle", "actorsockets.actor.log-dead-letters = off");
        var refs = new IActorRef[IdleActors];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var started = new Countdown(IdleActors);
        var props = Props.Create(() => new StartedActor(started));
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = system.ActorOf(props);
        }
        if (!started.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException("The idle actors did not all start.");
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(refs);
        Console.WriteLine($"// bytes per idle actor: {(after - before) / (double)IdleActors:F0} ({IdleActors:N0} actors, {(after - before) / 1024.0 / 1024.0:F1} MiB)");
        system.Terminate().Wait(TimeSpan.FromSeconds(30));
    }
}
