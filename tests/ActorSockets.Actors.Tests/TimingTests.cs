using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class TimingTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    private sealed record Quiet : INotInfluenceReceiveTimeout;

    private sealed class TimeoutActor : ReceiveActor
    {
        public TimeoutActor(IActorRef probe, TimeSpan timeout)
        {
            Context.SetReceiveTimeout(timeout);
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout"));
            Receive<string>(s => s == "cancel", _ => Context.SetReceiveTimeout(null));
            Receive<string>(s => s == "get", _ => Sender.Tell(Context.ReceiveTimeout?.TotalMilliseconds ?? -1.0));
            Receive<string>(_ => { });
            Receive<Quiet>(_ => { });
        }
    }

    [Fact]
    public async Task ReceiveTimeout_NotInfluencingMessages_DoNotResetIt()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimeoutActor(TestActor, TimeSpan.FromMilliseconds(300))));
        var quiet = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(50), actor, new Quiet(), null);
        await ExpectMsgAsync("timeout", TimeSpan.FromSeconds(2));
        quiet.Cancel();
    }

    [Fact]
    public async Task ReceiveTimeout_Cancelled_StopsFiring()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimeoutActor(TestActor, TimeSpan.FromMilliseconds(100))));
        await ExpectMsgAsync("timeout");
        actor.Tell("cancel");
        actor.Tell("get");
        // A timeout that fired before the cancel was processed may still arrive first.
        await FishForMessageAsync<double>(timeout => timeout == -1.0);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
    }

    private sealed record Tick(int Generation);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        public TimerActor(IActorRef probe)
        {
            Receive<string>(s => s == "single", _ => Timers.StartSingleTimer("t", new Tick(1), TimeSpan.FromMilliseconds(50)));
            Receive<string>(s => s == "periodic", _ => Timers.StartPeriodicTimer("p", new Tick(2), TimeSpan.FromMilliseconds(30)));
            Receive<string>(s => s == "cancel-periodic", _ =>
            {
                Timers.Cancel("p");
                Sender.Tell(Timers.IsTimerActive("p"));
            });
            Receive<string>(s => s == "active", _ => Sender.Tell(Timers.IsTimerActive("t")));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("timer actor failed"));
            Receive<Tick>(t => probe.Tell(t));
        }
    }

    [Fact]
    public async Task SingleTimer_Fires_ThenIsInactive()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        actor.Tell("single");
        actor.Tell("active");
        await ExpectMsgAsync(true);
        await ExpectMsgAsync(new Tick(1));
        actor.Tell("active");
        await ExpectMsgAsync(false);
    }

    [Fact]
    public async Task PeriodicTimer_Cancelled_NoMoreTicks()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        actor.Tell("periodic");
        await ExpectMsgAsync(new Tick(2));
        await ExpectMsgAsync(new Tick(2));
        actor.Tell("cancel-periodic");
        await FishForMessageAsync<bool>(active => !active);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task Timers_ActorRestarts_TimersCancelled()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        actor.Tell("periodic");
        await ExpectMsgAsync(new Tick(2));
        actor.Tell("fail");
        await ReceiveWhileAsync<Tick>(m => m as Tick, idle: TimeSpan.FromMilliseconds(100));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task Timers_ActorStops_TimersCancelled()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        actor.Tell("periodic");
        await ExpectMsgAsync(new Tick(2));
        Watch(actor);
        Sys.Stop(actor);
        await FishForMessageAsync<Terminated>(_ => true);
        await deadLetters.ReceiveWhileAsync<DeadLetter>(m => m as DeadLetter, idle: TimeSpan.FromMilliseconds(100));
        await deadLetters.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task Scheduler_ScheduleOnce_Cancelled_DoesNotRun()
    {
        var ran = 0;
        var handle = Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(100), () => Interlocked.Exchange(ref ran, 1));
        handle.Cancel();
        Assert.True(handle.IsCancellationRequested);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(200), TestActor, "later", null);
        await ExpectMsgAsync("later");
        Assert.Equal(0, Volatile.Read(ref ran));
    }

    [Fact]
    public async Task Scheduler_ScheduleRepeatedly_RunsUntilCancelled()
    {
        var count = 0;
        var handle = Sys.Scheduler.ScheduleRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(20), () => Interlocked.Increment(ref count));
        await AwaitConditionAsync(() => Volatile.Read(ref count) >= 3);
        handle.Cancel();
        var after = Volatile.Read(ref count);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.InRange(Volatile.Read(ref count), after, after + 1);
    }
}
