using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class AskAndSchedulerTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    private sealed class Replier : ReceiveActor
    {
        public Replier()
        {
            Receive<int>(i => Sender.Tell(i * 2));
            Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("nope"))));
            Receive<string>(s => s == "silent", _ => { });
        }
    }

    [Fact]
    public async Task Ask_Reply_CompletesTask()
    {
        var actor = Sys.ActorOf(Props.Create<Replier>());
        Assert.Equal(42, await actor.Ask<int>(21, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Ask_StatusFailure_FaultsTaskWithCause()
    {
        var actor = Sys.ActorOf(Props.Create<Replier>());
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<int>("fail", TimeSpan.FromSeconds(3)));
        Assert.Equal("nope", e.Message);
    }

    [Fact]
    public async Task Ask_NoReply_ThrowsAskTimeoutException()
    {
        var actor = Sys.ActorOf(Props.Create<Replier>());
        await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<int>("silent", TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task ScheduleTellOnce_AfterDelay_Delivers()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(50), TestActor, "tick", null);
        await ExpectMsgAsync("tick");
    }

    [Fact]
    public async Task ScheduleTellRepeatedly_Cancelled_StopsDelivering()
    {
        var handle = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TestActor, "tick", null);
        await ExpectMsgAsync("tick");
        await ExpectMsgAsync("tick");
        handle.Cancel();
        await Task.Yield();
        IgnoreMessages(_ => false);
        await ReceiveWhileAsync<string>(m => m as string, idle: TimeSpan.FromMilliseconds(100));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle(IActorRef probe)
        {
            Context.SetReceiveTimeout(TimeSpan.FromMilliseconds(100));
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout"));
        }
    }

    [Fact]
    public async Task ReceiveTimeout_WhileIdle_RepeatsReceiveTimeout()
    {
        Sys.ActorOf(Props.Create(() => new Idle(TestActor)));
        await ExpectMsgAsync("timeout");
        await ExpectMsgAsync("timeout");
    }
}
