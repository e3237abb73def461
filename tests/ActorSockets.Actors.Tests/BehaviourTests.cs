using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class BehaviourTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    private sealed class Switch : ReceiveActor
    {
        public Switch()
        {
            Off();
        }

        private void Off()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("off"));
            Receive<string>(s => s == "toggle", _ => Become(On));
            Receive<string>(s => s == "push", _ => BecomeStacked(Pushed));
        }

        private void On()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("on"));
            Receive<string>(s => s == "toggle", _ => Become(Off));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("switch failed"));
        }

        private void Pushed()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("pushed"));
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
        }
    }

    [Fact]
    public async Task Become_ReplacesBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create<Switch>());
        actor.Tell("state");
        await ExpectMsgAsync("off");
        actor.Tell("toggle");
        actor.Tell("state");
        await ExpectMsgAsync("on");
        actor.Tell("toggle");
        actor.Tell("state");
        await ExpectMsgAsync("off");
    }

    [Fact]
    public async Task BecomeStacked_ThenUnbecome_ReturnsToPreviousBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create<Switch>());
        actor.Tell("push");
        actor.Tell("state");
        await ExpectMsgAsync("pushed");
        actor.Tell("pop");
        actor.Tell("state");
        await ExpectMsgAsync("off");
    }

    [Fact]
    public async Task Restart_ResetsBehaviourToInitial()
    {
        var actor = Sys.ActorOf(Props.Create<Switch>());
        actor.Tell("toggle");
        actor.Tell("state");
        await ExpectMsgAsync("on");
        actor.Tell("fail");
        actor.Tell("state");
        await ExpectMsgAsync("off");
    }

    private sealed class Untyped : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "become":
                    Become(m => Sender.Tell($"other:{m}"));
                    break;
                case string s:
                    Sender.Tell($"initial:{s}");
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    [Fact]
    public async Task UntypedActor_OnReceiveAndBecome_Work()
    {
        var actor = Sys.ActorOf(Props.Create<Untyped>());
        actor.Tell("a");
        await ExpectMsgAsync("initial:a");
        actor.Tell("become");
        actor.Tell("b");
        await ExpectMsgAsync("other:b");
    }

    [Fact]
    public async Task Unhandled_Message_IsPublishedAsUnhandledMessage()
    {
        var listener = CreateTestProbe();
        Sys.EventStream.Subscribe(listener.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create<Untyped>());
        actor.Tell(42);
        var unhandled = await listener.ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    private sealed class Stasher : ReceiveActor, IWithStash
    {
        public IStash Stash { get; set; } = null!;

        public Stasher(IActorRef probe)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() =>
                {
                    Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("stasher failed"));
                    ReceiveAny(m => probe.Tell(m));
                });
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("stasher failed"));
            Receive<string>(s => s == "count", _ => probe.Tell(Stash.Count));
            ReceiveAny(_ => Stash.Stash());
        }
    }

    [Fact]
    public async Task Stash_UnstashAll_ReplaysInOrderBeforeNewerMessages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Stasher(TestActor)));
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell("count");
        await ExpectMsgAsync(2);
        actor.Tell("open");
        actor.Tell(3);
        await ExpectMsgAsync(1);
        await ExpectMsgAsync(2);
        await ExpectMsgAsync(3);
    }

    [Fact]
    public async Task Stash_AcrossRestart_MessagesSurviveAndAreRedelivered()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Stasher(TestActor)));
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell("count");
        await ExpectMsgAsync(2);
        actor.Tell("fail");
        // The new instance starts closed again, so the replayed messages are stashed again.
        actor.Tell("count");
        await ExpectMsgAsync(2);
        actor.Tell("open");
        await ExpectMsgAsync(1);
        await ExpectMsgAsync(2);
    }

    [Fact]
    public async Task Stash_ActorStops_StashedMessagesGoToDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Stasher(TestActor)));
        actor.Tell("stashed");
        actor.Tell("count");
        await ExpectMsgAsync(1);
        actor.Tell(PoisonPill.Instance);
        var dead = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("stashed", dead.Message);
    }

    private sealed class AsyncWorker : ReceiveActor
    {
        public AsyncWorker(IActorRef probe)
        {
            ReceiveAsync<TaskCompletionSource>(async tcs =>
            {
                probe.Tell("started");
                var sender = Sender;
                await tcs.Task;
                probe.Tell(ReferenceEquals(sender, Sender) ? "same sender" : "lost sender");
                Sender.Tell("done");
            });
            ReceiveAsync<string>(s => s == "throw", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("async failure");
            });
            Receive<string>(s => probe.Tell(s));
        }

        protected override void PostRestart(Exception reason) => Sender.Tell("restarted");
    }

    [Fact]
    public async Task ReceiveAsync_PendingTask_SuspendsMailboxAndKeepsSender()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(probe.Ref)));
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(tcs);
        actor.Tell("next");
        await probe.ExpectMsgAsync("started");
        await probe.ExpectNoMsgAsync();
        tcs.SetResult();
        await probe.ExpectMsgAsync("same sender");
        await ExpectMsgAsync("done");
        await probe.ExpectMsgAsync("next");
    }

    [Fact]
    public async Task ReceiveAsync_FaultedTask_FailsActorAndSupervisorRestartsIt()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(probe.Ref)));
        await EventFilter.Exception<InvalidOperationException>("async failure").ExpectOneAsync(() => actor.Tell("throw"));
        actor.Tell("still alive");
        await probe.ExpectMsgAsync("still alive");
    }

    [Fact]
    public void ActorBase_ConstructedDirectly_ThrowsActorInitializationException()
    {
        Assert.Throws<ActorInitializationException>(() => new EchoActor());
    }

    [Fact]
    public async Task Receive_RegisteredOutsideConstructor_Fails()
    {
        var actor = Sys.ActorOf(Props.Create<LateRegistration>());
        Watch(actor);
        actor.Tell("register");
        await ExpectMsgAsync<InvalidOperationException>();
    }

    private sealed class LateRegistration : ReceiveActor
    {
        public LateRegistration()
        {
            Receive<string>(_ =>
            {
                try
                {
                    Receive<int>(_ => { });
                }
                catch (InvalidOperationException e)
                {
                    Sender.Tell(e);
                }
            });
        }
    }
}
