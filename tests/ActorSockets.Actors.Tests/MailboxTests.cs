using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class MailboxTests(ITestOutputHelper output) : TestKit.TestKit("""
    actorsockets.actor {
      mailboxes {
        tiny { mailbox-capacity = 2 }
        tiny-fail { mailbox-capacity = 2, overflow-strategy = fail }
      }
      dispatchers.one-at-a-time.throughput = 1
    }
    """, output)
{
    private sealed record Gate(ManualResetEventSlim Release);

    private sealed class Blocking : ReceiveActor
    {
        public Blocking(IActorRef probe)
        {
            Receive<Gate>(g =>
            {
                probe.Tell("gated");
                g.Release.Wait(TimeSpan.FromSeconds(5));
            });
            Receive<int>(i => probe.Tell(i));
        }

        protected override void PostRestart(Exception reason) => Context.System.EventStream.Publish($"restarted: {reason.GetType().Name}");
    }

    [Fact]
    public async Task BoundedMailbox_DropNewest_OverflowGoesToDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        using var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Blocking(TestActor)).WithMailbox("tiny"));
        actor.Tell(new Gate(gate));
        await ExpectMsgAsync("gated");
        for (var i = 0; i < 5; i++)
        {
            actor.Tell(i);
        }
        var dropped = await deadLetters.ReceiveNAsync(3);
        Assert.Equal([2, 3, 4], dropped.Cast<DeadLetter>().Select(d => (int)d.Message));
        gate.Set();
        await ExpectMsgAsync(0);
        await ExpectMsgAsync(1);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task BoundedMailbox_Fail_SupervisorRestartsActor()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(string));
        using var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Blocking(TestActor)).WithMailbox("tiny-fail"));
        actor.Tell(new Gate(gate));
        await ExpectMsgAsync("gated");
        for (var i = 0; i < 3; i++)
        {
            actor.Tell(i);
        }
        gate.Set();
        await events.ExpectMsgAsync("restarted: MailboxOverflowException");
    }

    private sealed class Yielder : ReceiveActor
    {
        public Yielder(IActorRef probe, string name) => Receive<int>(i => probe.Tell($"{name}{i}"));
    }

    [Fact]
    public async Task Dispatcher_Configured_ActorProcessesInOrder()
    {
        var a = Sys.ActorOf(Props.Create(() => new Yielder(TestActor, "a")).WithDispatcher("one-at-a-time"));
        for (var i = 0; i < 3; i++)
        {
            a.Tell(i);
        }
        await ExpectMsgAsync("a0");
        await ExpectMsgAsync("a1");
        await ExpectMsgAsync("a2");
    }
}
