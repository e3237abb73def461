using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class ManualTimeTests : TestKit.TestKit
{
    private readonly ManualTimeProvider _time;

    public ManualTimeTests(ITestOutputHelper output)
        : this(new ManualTimeProvider(), output)
    {
    }

    private ManualTimeTests(ManualTimeProvider time, ITestOutputHelper output)
        : base(new ActorSystemSettings { TimeProvider = time }, output)
    {
        _time = time;
    }

    private sealed record Tick(int Generation);

    private sealed record Replace(ManualResetEventSlim Gate);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        public TimerActor(IActorRef probe)
        {
            Receive<Replace>(r =>
            {
                Timers.StartSingleTimer("key", new Tick(1), TimeSpan.FromMilliseconds(10));
                probe.Tell("started");
                r.Gate.Wait(TimeSpan.FromSeconds(5));
                Timers.StartSingleTimer("key", new Tick(2), TimeSpan.FromMilliseconds(100));
                probe.Tell("replaced");
            });
            Receive<Tick>(t => probe.Tell(t));
        }
    }

    [Fact]
    public async Task Timer_ReplacedWhileItsMessageIsQueued_OldMessageDropped()
    {
        using var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        actor.Tell(new Replace(gate));
        await ExpectMsgAsync("started");
        _time.Advance(TimeSpan.FromMilliseconds(10)); // generation 1 fires and queues behind Replace
        gate.Set();
        await ExpectMsgAsync("replaced");
        await ExpectNoMsgAsync();
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await ExpectMsgAsync(new Tick(2));
    }

    private sealed class TimeoutActor : ReceiveActor
    {
        public TimeoutActor(IActorRef probe)
        {
            Context.SetReceiveTimeout(TimeSpan.FromSeconds(1));
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout"));
            Receive<string>(s => Sender.Tell($"ack:{s}"));
        }
    }

    [Fact]
    public async Task ReceiveTimeout_ResetByMessage_FiresOnlyAfterFullIdlePeriod()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimeoutActor(TestActor)));
        actor.Tell("hello");
        await ExpectMsgAsync("ack:hello");
        _time.Advance(TimeSpan.FromMilliseconds(600));
        actor.Tell("keep");
        await ExpectMsgAsync("ack:keep");
        _time.Advance(TimeSpan.FromMilliseconds(600)); // 1.2 s since start, 0.6 s since the last message
        await ExpectNoMsgAsync();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await ExpectMsgAsync("timeout");
        _time.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("timeout");
    }

    [Fact]
    public async Task Scheduler_UsesConfiguredClock()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromHours(1), TestActor, "an hour later", null);
        await ExpectNoMsgAsync();
        _time.Advance(TimeSpan.FromHours(1));
        await ExpectMsgAsync("an hour later");
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero), Sys.Scheduler.Now);
    }
}
