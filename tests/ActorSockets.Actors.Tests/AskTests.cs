using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class AskTests(ITestOutputHelper output) : TestKit.TestKit("actorsockets.actor.ask-timeout = 200ms", output)
{
    private sealed class Delayed : ReceiveActor
    {
        public Delayed() => Receive<TimeSpan>(delay =>
            Context.System.Scheduler.ScheduleTellOnce(delay, Sender, "late", Self));
    }

    [Fact]
    public async Task Ask_DefaultTimeoutFromConfig_TimesOut()
    {
        var actor = Sys.ActorOf(Props.Create<Delayed>());
        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>(TimeSpan.FromSeconds(10)));
        Assert.Contains("200 ms", e.Message);
    }

    [Fact]
    public async Task Ask_LateReply_GoesToDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create<Delayed>());
        await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(50)));
        var dead = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("late", dead.Message);
        Assert.Equal(actor, dead.Sender);
        Assert.StartsWith("/temp/", dead.Recipient.Path.ToStringWithoutAddress());
    }

    [Fact]
    public async Task Ask_WrongReplyType_FaultsWithInvalidCast()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var e = await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<int>("text"));
        Assert.Contains("Ask<Int32>", e.Message);
    }

    [Fact]
    public async Task Ask_Cancelled_CancelsTask()
    {
        var actor = Sys.ActorOf(Props.Create<Delayed>());
        using var cts = new CancellationTokenSource();
        var ask = actor.Ask<string>(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task Ask_ActorSelection_Works()
    {
        Sys.ActorOf(Props.Create<EchoActor>(), "ask-echo");
        Assert.Equal("hi", await Sys.ActorSelection("/user/ask-echo").Ask<string>("hi"));
    }

    [Fact]
    public async Task PipeTo_Success_TellsResult()
    {
        var probe = CreateTestProbe();
        await Task.FromResult(42).PipeTo(probe.Ref);
        await probe.ExpectMsgAsync(42);
    }

    [Fact]
    public async Task PipeTo_Failure_TellsStatusFailure()
    {
        var probe = CreateTestProbe();
        await Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(probe.Ref, TestActor);
        var failure = await probe.ExpectMsgAsync<Status.Failure>();
        Assert.Equal("bad", failure.Cause.Message);
        Assert.Equal(TestActor, probe.LastSender);
    }

    [Fact]
    public async Task PipeTo_WithMappers_TellsMappedMessages()
    {
        var probe = CreateTestProbe();
        await Task.FromResult(2).PipeTo(probe.Ref, success: i => $"ok {i}");
        await probe.ExpectMsgAsync("ok 2");
        await Task.CompletedTask.PipeTo(probe.Ref);
        await probe.ExpectMsgAsync<Status.Success>();
    }
}
