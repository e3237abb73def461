using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class DeathWatchTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<WatchIt>(w => Context.Watch(w.Target));
            Receive<WatchItWith>(w => Context.WatchWith(w.Target, w.Message));
            Receive<UnwatchIt>(u => Context.Unwatch(u.Target));
            Receive<Terminated>(t => probe.Tell(t));
            Receive<string>(s => probe.Tell(s));
            Receive<Gate>(g =>
            {
                probe.Tell("gated");
                g.Release.Wait(TimeSpan.FromSeconds(5));
            });
        }
    }

    private sealed record WatchIt(IActorRef Target);

    private sealed record WatchItWith(IActorRef Target, object Message);

    private sealed record UnwatchIt(IActorRef Target);

    private sealed record Gate(ManualResetEventSlim Release);

    private sealed class LastWords : ReceiveActor
    {
        public LastWords(IActorRef watcher)
        {
            Receive<string>(s => s == "die", _ =>
            {
                watcher.Tell("last words");
                Context.Stop(Self);
            });
        }
    }

    private sealed class Unwatching : ReceiveActor
    {
        public Unwatching()
        {
            Receive<WatchIt>(w => Context.Watch(w.Target));
        }
    }

    [Fact]
    public async Task Watch_AlreadyDeadActor_DeliversTerminatedAtOnce()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(target);
        Sys.Stop(target);
        await ExpectTerminatedAsync(target);

        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new WatchIt(target));
        var terminated = await ExpectMsgAsync<Terminated>();
        Assert.Equal(target, terminated.ActorRef);
    }

    [Fact]
    public async Task Terminated_ArrivesAfterEverythingTheDeadActorSent()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new LastWords(watcher)));
        watcher.Tell(new WatchIt(target));
        watcher.Tell("watching");
        await ExpectMsgAsync("watching");
        target.Tell("die");
        await ExpectMsgAsync("last words");
        await ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(target));
    }

    [Fact]
    public async Task Unwatch_TerminatedAlreadyQueued_IsNotDelivered()
    {
        using var gate = new ManualResetEventSlim();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(target);
        watcher.Tell(new WatchIt(target));
        watcher.Tell(new Gate(gate));
        await ExpectMsgAsync("gated");
        Sys.Stop(target);
        await ExpectTerminatedAsync(target);
        // The watcher is blocked in Gate; its Terminated is queued behind it. Unwatch comes next.
        watcher.Tell(new UnwatchIt(target));
        watcher.Tell("after unwatch");
        gate.Set();
        await ExpectMsgAsync("after unwatch");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task WatchWith_TargetStops_DeliversCustomMessage()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        watcher.Tell(new WatchItWith(target, "custom: gone"));
        watcher.Tell("watching");
        await ExpectMsgAsync("watching");
        Sys.Stop(target);
        await ExpectMsgAsync("custom: gone");
    }

    [Fact]
    public async Task Watch_SeveralTargets_EachStopDeliversItsOwnTerminated()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var targets = Enumerable.Range(0, 3).Select(_ => Sys.ActorOf(Props.Create<EchoActor>())).ToArray();
        foreach (var target in targets)
        {
            watcher.Tell(new WatchIt(target));
        }
        watcher.Tell("watching");
        await ExpectMsgAsync("watching");

        // The first watched target lives in the cell's inline slot, the others in the overflow collection:
        // stop them in an order that empties the slot before the collection, and refill it afterwards.
        Sys.Stop(targets[0]);
        Assert.Same(targets[0], (await ExpectMsgAsync<Terminated>()).ActorRef);
        var late = Sys.ActorOf(Props.Create<EchoActor>());
        watcher.Tell(new WatchItWith(late, "late: gone"));
        Sys.Stop(targets[2]);
        Assert.Same(targets[2], (await ExpectMsgAsync<Terminated>()).ActorRef);
        Sys.Stop(late);
        await ExpectMsgAsync("late: gone");
        Sys.Stop(targets[1]);
        Assert.Same(targets[1], (await ExpectMsgAsync<Terminated>()).ActorRef);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Watch_SeveralWatchers_EveryWatcherIsTold()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var probes = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToArray();
        var watchers = probes.Select(p => Sys.ActorOf(Props.Create(() => new Watcher(p.Ref)))).ToArray();
        for (var i = 0; i < watchers.Length; i++)
        {
            watchers[i].Tell(new WatchIt(target));
            watchers[i].Tell("watching");
            await probes[i].ExpectMsgAsync("watching");
        }

        // The first watcher unwatches: the target's inline watcher slot empties while the others stay.
        watchers[0].Tell(new UnwatchIt(target));
        watchers[0].Tell("unwatched");
        await probes[0].ExpectMsgAsync("unwatched");
        Sys.Stop(target);
        await probes[1].ExpectMsgAsync<Terminated>(t => ReferenceEquals(t.ActorRef, target));
        await probes[2].ExpectMsgAsync<Terminated>(t => ReferenceEquals(t.ActorRef, target));
        await probes[0].ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task WatchWith_SameTargetTwice_LastMessageWinsAndOnlyOneArrives()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var first = Sys.ActorOf(Props.Create<EchoActor>());
        var second = Sys.ActorOf(Props.Create<EchoActor>());
        watcher.Tell(new WatchItWith(first, "first: old"));
        watcher.Tell(new WatchItWith(second, "second: old"));
        watcher.Tell(new WatchItWith(first, "first: new"));
        watcher.Tell(new WatchItWith(second, "second: new"));
        watcher.Tell("watching");
        await ExpectMsgAsync("watching");
        Sys.Stop(first);
        await ExpectMsgAsync("first: new");
        Sys.Stop(second);
        await ExpectMsgAsync("second: new");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task UnhandledTerminated_FailsWatcherWithDeathPactException()
    {
        var watcher = Sys.ActorOf(Props.Create<Unwatching>());
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(watcher);
        watcher.Tell(new WatchIt(target));
        await EventFilter.Exception<DeathPactException>().ExpectOneAsync(() => Sys.Stop(target));
        await ExpectTerminatedAsync(watcher);
    }

    [Fact]
    public async Task Stop_Parent_StopsChildrenFirstThenPostStop()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "parent")));
        await probe.ExpectMsgAsync("parent:preStart");
        parent.Tell(new CreateChild("child"));
        var child = await ExpectMsgAsync<IActorRef>();
        await probe.ExpectMsgAsync("child:preStart");
        Watch(parent);
        Sys.Stop(parent);
        await probe.ExpectMsgAsync("child:postStop");
        await probe.ExpectMsgAsync("parent:postStop");
        await ExpectTerminatedAsync(parent);
        Assert.True(((Internal.LocalActorRef)child).IsTerminated);
    }

    [Fact]
    public async Task Stop_RemainingMessages_GoToDeadLetters()
    {
        using var gate = new ManualResetEventSlim();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        actor.Tell(new Gate(gate));
        actor.Tell("queued 1");
        actor.Tell("queued 2");
        await ExpectMsgAsync("gated");
        Sys.Stop(actor);
        gate.Set();
        var first = await deadLetters.ExpectMsgAsync<DeadLetter>();
        var second = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(["queued 1", "queued 2"], new[] { first.Message, second.Message }.Select(m => m.ToString()));
        Assert.Equal(actor, first.Recipient);
    }

    [Fact]
    public async Task PoisonPill_VersusStop_StopSkipsQueuedMessagesPoisonPillDoesNot()
    {
        using var gate1 = new ManualResetEventSlim();
        var pill = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        pill.Tell(new Gate(gate1));
        pill.Tell("before pill");
        pill.Tell(PoisonPill.Instance);
        pill.Tell("after pill");
        await ExpectMsgAsync("gated");
        gate1.Set();
        await ExpectMsgAsync("before pill");
        await ExpectNoMsgAsync();

        using var gate2 = new ManualResetEventSlim();
        var stopped = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        stopped.Tell(new Gate(gate2));
        stopped.Tell("queued before stop");
        await ExpectMsgAsync("gated");
        Sys.Stop(stopped);
        gate2.Set();
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task ChildName_ReusableOnlyAfterTerminatedProcessed()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.DefaultStrategy, probe.Ref, "p")));
        parent.Tell(new CreateChild("worker"));
        var first = await ExpectMsgAsync<IActorRef>();
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first);
        await AwaitAssertAsync(async () =>
        {
            parent.Tell(new CreateChild("worker"));
            var second = await ExpectMsgAsync<IActorRef>(TimeSpan.FromMilliseconds(200));
            Assert.NotEqual(first, second);
            Assert.Equal(first.Path, second.Path);
        });
    }

    [Fact]
    public async Task GracefulStop_ActorStops_ReturnsTrue()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task GracefulStop_ActorBusyPastTimeout_ReturnsFalse()
    {
        using var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        actor.Tell(new Gate(gate));
        await ExpectMsgAsync("gated");
        var stopped = await actor.GracefulStop(TimeSpan.FromMilliseconds(100));
        gate.Set();
        Assert.False(stopped);
    }
}
