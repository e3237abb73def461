using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class LifecycleTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    private sealed class Hooks : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Hooks(IActorRef probe)
        {
            _probe = probe;
            _probe.Tell("ctor");
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }

        protected override void PreStart() => _probe.Tell("preStart");

        protected override void PostStop() => _probe.Tell("postStop");

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell($"preRestart:{reason.Message}:{message}");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _probe.Tell($"postRestart:{reason.Message}");
            base.PostRestart(reason);
        }
    }

    [Fact]
    public async Task Restart_AfterFailure_RunsHooksInAkkaOrderAndKeepsRef()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Hooks(probe.Ref)), "hooks");
        await probe.ExpectMsgAsync("ctor");
        await probe.ExpectMsgAsync("preStart");

        actor.Tell("fail");

        await probe.ExpectMsgAsync("preRestart:boom:fail");
        await probe.ExpectMsgAsync("postStop");
        await probe.ExpectMsgAsync("ctor");
        await probe.ExpectMsgAsync("postRestart:boom");
        await probe.ExpectMsgAsync("preStart");
        actor.Tell("ping");
        await ExpectMsgAsync("pong");
    }

    [Fact]
    public async Task PoisonPill_ProcessesEarlierMessages_ThenStops()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Hooks(probe.Ref)));
        Watch(actor);
        actor.Tell("ping");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("ping");
        await ExpectMsgAsync("pong");
        await ExpectTerminatedAsync(actor);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Watch_ActorStopped_DeliversTerminated()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Hooks(CreateTestProbe().Ref)));
        Watch(actor);
        Sys.Stop(actor);
        var terminated = await ExpectTerminatedAsync(actor);
        Assert.Equal(actor, terminated.ActorRef);
    }
}
