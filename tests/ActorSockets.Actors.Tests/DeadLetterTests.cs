using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class DeadLetterTests(ITestOutputHelper output)
    : TestKit.TestKit("actorsockets.actor { log-dead-letters = 3, log-dead-letters-suspend-duration = 300ms }", output)
{
    private sealed record Quiet : IDeadLetterSuppression;

    private async Task<IActorRef> StoppedActorAsync()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        return actor;
    }

    [Fact]
    public async Task TellToStoppedActor_PublishesDeadLetterWithSenderAndRecipient()
    {
        var listener = CreateTestProbe();
        Sys.EventStream.Subscribe(listener.Ref, typeof(DeadLetter));
        var actor = await StoppedActorAsync();
        actor.Tell("lost");
        var dead = await listener.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(new DeadLetter("lost", TestActor, actor), dead);
    }

    [Fact]
    public async Task DeadLetterSuppression_PublishedAsSuppressedAndNotLogged()
    {
        var listener = CreateTestProbe();
        Sys.EventStream.Subscribe(listener.Ref, typeof(SuppressedDeadLetter));
        var actor = await StoppedActorAsync();
        await EventFilter.Info(category: "DeadLetters").ExpectAsync(0, async () =>
        {
            actor.Tell(new Quiet());
            await listener.ExpectMsgAsync<SuppressedDeadLetter>(s => s.Message is Quiet);
        }, TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task DeadLetterLogging_RateLimited_ThenResumesAfterSuspendDuration()
    {
        var actor = await StoppedActorAsync();
        await EventFilter.Info(category: "DeadLetters").ExpectAsync(3, async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                actor.Tell(i);
            }
            await Task.Yield();
        });
        await EventFilter.Info(contains: "7 dead letters were not logged").ExpectOneAsync(
            () => Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(400), actor, "after pause", null),
            TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task EventStream_SubscribeByBaseType_ReceivesSubtypesUntilUnsubscribed()
    {
        var probe = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(probe.Ref, typeof(Exception)));
        Assert.False(Sys.EventStream.Subscribe(probe.Ref, typeof(Exception)));
        var published = new InvalidOperationException("event");
        Sys.EventStream.Publish(published);
        Sys.EventStream.Publish("not an exception");
        Assert.Same(published, await probe.ExpectMsgAsync<InvalidOperationException>());
        await probe.ExpectNoMsgAsync();
        Assert.True(Sys.EventStream.Unsubscribe(probe.Ref, typeof(Exception)));
        Sys.EventStream.Publish(new InvalidOperationException("unheard"));
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task EventStream_StoppedSubscriber_IsDropped()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(string));
        Watch(probe.Ref);
        Sys.Stop(probe.Ref);
        await ExpectTerminatedAsync(probe.Ref);
        Sys.EventStream.Publish("x");
        Assert.False(Sys.EventStream.Unsubscribe(probe.Ref));
    }
}
