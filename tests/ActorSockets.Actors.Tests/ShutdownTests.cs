using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class ShutdownTests : TestKit.TestKit
{
    private readonly ITestOutputHelper _output;

    public ShutdownTests(ITestOutputHelper output)
        : base(output: output)
    {
        _output = output;
    }

    private sealed class Idle : ActorBase
    {
        protected override bool Receive(object message) => false;
    }

    [Fact]
    public async Task Terminate_With100000LiveActors_CompletesQuickly()
    {
        var system = ActorSystem.Create("many", "actorsockets.actor.log-dead-letters = off");
        var props = Props.Create<Idle>();
        var parents = Enumerable.Range(0, 100).Select(i => system.ActorOf(props, $"p{i}")).ToArray();
        for (var i = 0; i < 100_000; i++)
        {
            system.ActorOf(props);
        }
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        await system.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(20)));
        _output.WriteLine($"terminated 100,100 actors in {System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms");
        Assert.True(parents.All(p => ((Internal.LocalActorRef)p).IsTerminated));
    }

    private sealed class Recorder : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly string _name;

        public Recorder(IActorRef probe, string name)
        {
            _probe = probe;
            _name = name;
        }

        protected override void PostStop() => _probe.Tell(_name);
    }

    [Fact]
    public async Task Terminate_StopsUserActorsBeforeSystemActors()
    {
        var system = ActorSystem.Create("ordered");
        var probe = CreateTestProbe();
        system.SystemActorOf(Props.Create(() => new Recorder(probe.Ref, "system")));
        system.ActorOf(Props.Create(() => new Recorder(probe.Ref, "user")));
        await system.Terminate();
        await probe.ExpectMsgAsync("user");
        await probe.ExpectMsgAsync("system");
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Terminate_AfterTermination_ActorOfThrowsAndTellsGoNowhere()
    {
        var system = ActorSystem.Create("done");
        var actor = system.ActorOf(Props.Create<EchoActor>());
        await system.Terminate();
        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create<EchoActor>()));
        actor.Tell("nobody home");
        await system.Terminate();
    }

    [Fact]
    public async Task CoordinatedShutdown_RunsPhasesInOrderThenTerminates()
    {
        var system = ActorSystem.Create("phases");
        var shutdown = CoordinatedShutdown.Get(system);
        Assert.Same(shutdown, CoordinatedShutdown.Get(system));
        var order = new List<string>();
        foreach (var phase in new[] { CoordinatedShutdown.PhaseServiceStop, CoordinatedShutdown.PhaseServiceUnbind, CoordinatedShutdown.PhaseServiceRequestsDone, CoordinatedShutdown.PhaseBeforeActorSystemTerminate })
        {
            shutdown.AddTask(phase, $"record-{phase}", () =>
            {
                lock (order)
                {
                    order.Add(phase);
                }
                return Task.FromResult(Done.Instance);
            });
        }
        await shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance);
        Assert.Equal(
            [CoordinatedShutdown.PhaseServiceUnbind, CoordinatedShutdown.PhaseServiceRequestsDone, CoordinatedShutdown.PhaseServiceStop, CoordinatedShutdown.PhaseBeforeActorSystemTerminate],
            order);
        Assert.Same(CoordinatedShutdown.ClrExitReason.Instance, shutdown.ShutdownReason);
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        Assert.Throws<InvalidOperationException>(() => shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "late", () => Task.FromResult(Done.Instance)));
    }

    [Fact]
    public async Task CoordinatedShutdown_PhaseTimesOut_LogsAndContinues()
    {
        var system = ActorSystem.Create("slow", "actorsockets.actor.coordinated-shutdown.phases.service-unbind.timeout = 100ms");
        var shutdown = CoordinatedShutdown.Get(system);
        var never = new TaskCompletionSource<Done>();
        var stopped = false;
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "hangs", () => never.Task);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "runs-anyway", () =>
        {
            stopped = true;
            return Task.FromResult(Done.Instance);
        });
        Assert.Equal(TimeSpan.FromMilliseconds(100), shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind));
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        Assert.True(stopped);
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        never.SetResult(Done.Instance);
    }

    [Fact]
    public async Task CoordinatedShutdown_FailingTask_DoesNotStopLaterPhases()
    {
        var system = ActorSystem.Create("failing");
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "throws", () => throw new InvalidOperationException("unbind failed"));
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Terminate_RunsCoordinatedShutdownTasks()
    {
        var system = ActorSystem.Create("byterminate");
        var ran = new TaskCompletionSource();
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "unbind", () =>
        {
            ran.SetResult();
            return Task.FromResult(Done.Instance);
        });
        await system.Terminate();
        Assert.True(ran.Task.IsCompleted);
        Assert.Same(CoordinatedShutdown.ActorSystemTerminateReason.Instance, CoordinatedShutdown.Get(system).ShutdownReason);
    }

    [Fact]
    public async Task Terminate_CoordinatedShutdownNotTerminating_StillTerminates()
    {
        var system = ActorSystem.Create("keepalive", "actorsockets.actor.coordinated-shutdown.terminate-actor-system = off");
        var shutdown = CoordinatedShutdown.Get(system);
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        Assert.False(system.WhenTerminated.IsCompleted);
        await system.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void CoordinatedShutdown_UnknownPhase_Throws()
    {
        Assert.Throws<ArgumentException>(() => CoordinatedShutdown.Get(Sys).AddTask("no-such-phase", "x", () => Task.FromResult(Done.Instance)));
    }
}
