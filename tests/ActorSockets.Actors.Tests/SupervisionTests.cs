using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class SupervisionTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    private async Task<IActorRef> CreateChildAsync(IActorRef parent, string name)
    {
        parent.Tell(new CreateChild(name));
        return await ExpectMsgAsync<IActorRef>();
    }

    [Fact]
    public async Task Restart_ActorWithChildren_StopsChildrenBeforeNewInstance()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "parent")), "parent");
        await probe.ExpectMsgAsync("parent:preStart");
        var child = await CreateChildAsync(parent, "child");
        await probe.ExpectMsgAsync("child:preStart");
        Watch(child);

        parent.Tell("fail");

        await probe.ExpectMsgAsync("parent:preRestart");
        // The child's PostStop runs on its own thread; the new instance waits for it either way.
        await probe.ExpectMsgAllOfAsync(["parent:postStop", "child:postStop"]);
        await probe.ExpectMsgAsync("parent:postRestart");
        await probe.ExpectMsgAsync("parent:preStart");
        await ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task Restart_FailingMessage_IsDroppedAndLaterMessagesProcessed()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "a")));
        actor.Tell("fail");
        actor.Tell("ping");
        await ExpectMsgAsync("pong:a");
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Resume_Directive_KeepsInstanceAndSkipsRestartHooks()
    {
        var probe = CreateTestProbe();
        var strategy = new OneForOneStrategy(_ => Directive.Resume);
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(strategy, probe.Ref, "sup")));
        var child = await CreateChildAsync(parent, "c");
        await probe.ExpectMsgAsync("c:preStart");

        await EventFilter.Warning(contains: "resumed").ExpectOneAsync(() => child.Tell("fail"));

        child.Tell("ping");
        await ExpectMsgAsync("pong:c");
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Stop_Directive_StopsChild()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.StoppingStrategy, probe.Ref, "sup")));
        var child = await CreateChildAsync(parent, "c");
        Watch(child);
        child.Tell("fail");
        await ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task Escalate_ThroughTwoLevels_TopSupervisorRestartsMiddle()
    {
        var probe = CreateTestProbe();
        var escalate = new OneForOneStrategy(_ => Directive.Escalate);
        var top = Sys.ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.DefaultStrategy, probe.Ref, "top")), "top");
        top.Tell(Props.Create(() => new Supervisor(escalate, probe.Ref, "middle")));
        var middle = await ExpectMsgAsync<IActorRef>();
        var leaf = await CreateChildAsync(middle, "leaf");
        await probe.ExpectMsgAsync("leaf:preStart");
        Watch(leaf);

        leaf.Tell("fail");

        // The middle supervisor escalated, so top restarted it, which stopped its child (default PreRestart).
        await probe.ExpectMsgAsync("leaf:postStop");
        await ExpectTerminatedAsync(leaf);
        middle.Tell("ping");
        await ExpectMsgAsync("pong:middle");
    }

    [Fact]
    public async Task AllForOne_OneChildFails_AllChildrenRestart()
    {
        var probe = CreateTestProbe();
        var strategy = new AllForOneStrategy(SupervisorStrategy.DefaultDecider);
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(strategy, probe.Ref, "sup")));
        var a = await CreateChildAsync(parent, "a");
        var b = await CreateChildAsync(parent, "b");
        await probe.ExpectMsgAllOfAsync(["a:preStart", "b:preStart"]);

        a.Tell("fail");

        await probe.ExpectMsgAllOfAsync(["a:preRestart", "a:postStop", "a:postRestart", "a:preStart", "b:preRestart", "b:postStop", "b:postRestart", "b:preStart"]);
        b.Tell("ping");
        await ExpectMsgAsync("pong:b");
    }

    [Fact]
    public async Task OneForOne_MaxRetriesExceeded_StopsChild()
    {
        var probe = CreateTestProbe();
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider);
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(strategy, probe.Ref, "sup")));
        var child = await CreateChildAsync(parent, "c");
        Watch(child);
        child.Tell("fail");
        child.Tell("fail");
        child.Tell("ping");
        await ExpectMsgAsync("pong:c");
        child.Tell("fail");
        await ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task Kill_DefaultStrategy_StopsActor()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(actor);
        await EventFilter.Exception<ActorKilledException>().ExpectOneAsync(() => actor.Tell(Kill.Instance));
        await ExpectTerminatedAsync(actor);
    }

    private sealed class FailingConstructor : ReceiveActor
    {
        public FailingConstructor() => throw new InvalidOperationException("ctor failed");
    }

    [Fact]
    public async Task Create_ConstructorThrows_ActorInitializationExceptionStopsActor()
    {
        var actor = await EventFilterActorOf();
        Watch(actor);
        await ExpectTerminatedAsync(actor);
    }

    private async Task<IActorRef> EventFilterActorOf()
    {
        IActorRef? actor = null;
        await EventFilter.Exception<ActorInitializationException>().ExpectOneAsync(() => actor = Sys.ActorOf(Props.Create<FailingConstructor>()));
        return actor!;
    }

    [Fact]
    public async Task TopLevelActor_Fails_UserGuardianRestartsIt()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "top")));
        await probe.ExpectMsgAsync("top:preStart");
        actor.Tell("fail");
        await probe.ExpectMsgAsync("top:preRestart");
        await probe.ExpectMsgAsync("top:postStop");
        await probe.ExpectMsgAsync("top:postRestart");
        await probe.ExpectMsgAsync("top:preStart");
    }

    [Fact]
    public async Task UserGuardian_Stopped_TerminatesSystem()
    {
        var probe = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "top")));
        await probe.ExpectMsgAsync("top:preStart");
        Sys.Stop(((ExtendedActorSystem)Sys).Guardian);
        await probe.ExpectMsgAsync("top:postStop");
        await Sys.WhenTerminated.WaitAsync(Dilated(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Decider_From_PicksFirstMatchingTypeElseDefault()
    {
        var decider = Decider.From(Directive.Restart, (typeof(ArgumentException), Directive.Resume), (typeof(InvalidOperationException), Directive.Stop));
        Assert.Equal(Directive.Resume, decider(new ArgumentNullException("x")));
        Assert.Equal(Directive.Stop, decider(new InvalidOperationException()));
        Assert.Equal(Directive.Restart, decider(new FormatException()));
    }

    [Fact]
    public void DefaultDecider_StopsOnLifecycleExceptions_RestartsOtherwise()
    {
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorInitializationException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorKilledException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new DeathPactException()));
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new InvalidOperationException()));
    }
}
