using ActorSockets.Actors;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorSockets.TestKit.Tests;

public sealed class LifecycleTests(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Kit(string? hocon = null) : TestKit(hocon);

    [Fact]
    public async Task DisposeAsync_TerminatesTheSystem()
    {
        var kit = new Kit();
        var system = kit.Sys;
        await kit.DisposeAsync();
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }

    private sealed class Stubborn : ReceiveActor
    {
        private readonly TaskCompletionSource _release;

        public Stubborn(TaskCompletionSource release)
        {
            _release = release;
        }

        protected override void PostStop() => _release.Task.Wait(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DisposeAsync_SystemDoesNotTerminateInTime_FailsTheTest()
    {
        var kit = new Kit("actorsockets.test.shutdown-timeout = 200ms");
        var release = new TaskCompletionSource();
        kit.Sys.ActorOf(Props.Create(() => new Stubborn(release)));
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => kit.DisposeAsync());
        release.SetResult();
        Assert.Contains("did not terminate within 200 ms", e.Message);
        await kit.Sys.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private sealed class Shouter : ReceiveActor
    {
        public Shouter()
        {
            Receive<string>(s =>
            {
                Context.Log.LogError("shouting {Text}", s);
                Sender.Tell("logged");
            });
            Receive<int>(i => throw new InvalidOperationException($"failure {i}"));
        }
    }

    [Fact]
    public async Task EventFilter_ExpectedErrorLogged_Passes()
    {
        var actor = Sys.ActorOf(Props.Create<Shouter>());
        await EventFilter.Error(contains: "shouting loud").ExpectOneAsync(() => actor.Tell("loud"));
        await EventFilter.Error(contains: $"[{actor.Path.ToStringWithoutAddress()}] shouting", category: nameof(Shouter)).ExpectOneAsync(() => actor.Tell("again"));
        await EventFilter.Exception<InvalidOperationException>(contains: "failure 7").ExpectOneAsync(() => actor.Tell(7));
    }

    [Fact]
    public async Task EventFilter_NothingLogged_FailsSayingWhatWasExpected()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Warning(contains: "never").ExpectOneAsync(() => { }, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("Expected 1 log line(s) matching Warning containing \"never\"", e.Message);
        Assert.Contains("but 0 matched", e.Message);
    }

    [Fact]
    public async Task EventFilter_TooManyLogged_Fails()
    {
        var actor = Sys.ActorOf(Props.Create<Shouter>());
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Error(contains: "shouting").ExpectAsync(1, async () =>
            {
                actor.Tell("a");
                actor.Tell("b");
                await ExpectMsgAsync("logged");
                await ExpectMsgAsync("logged");
            }, TimeSpan.FromMilliseconds(100)));
        Assert.Contains("but 2 matched", e.Message);
    }

    [Fact]
    public async Task EventFilter_DeadLetter_MatchesDeadLetterLogLine()
    {
        var actor = Sys.ActorOf(Props.Create<Shouter>());
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        await EventFilter.DeadLetter<Guid>().ExpectOneAsync(() => actor.Tell(Guid.NewGuid()));
    }

    [Fact]
    public async Task TestProbe_Forward_KeepsLastSender()
    {
        var probe = CreateTestProbe();
        var target = CreateTestProbe();
        probe.Ref.Tell("payload");
        await probe.ExpectMsgAsync("payload");
        probe.Forward(target.Ref, "payload");
        await target.ExpectMsgAsync("payload");
        Assert.Equal(TestActor, target.LastSender);
    }

    [Fact]
    public async Task TestActorQueue_Overflow_NextExpectationFails()
    {
        var kit = new Kit("actorsockets.test.queue-capacity = 2");
        try
        {
            var processed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            kit.IgnoreMessages(m =>
            {
                if (m is "marker")
                {
                    processed.SetResult();
                    return true;
                }
                return false;
            });
            for (var i = 0; i < 4; i++)
            {
                kit.TestActor.Tell(i);
            }
            kit.TestActor.Tell("marker");
            await processed.Task.WaitAsync(TimeSpan.FromSeconds(5));
            var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => kit.ExpectMsgAsync<int>());
            Assert.Contains("dropped 2 messages because its queue was full (2)", e.Message);
        }
        finally
        {
            await kit.DisposeAsync();
        }
    }
}
