using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class HierarchyTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    [Fact]
    public void ActorOf_Paths_FollowTheHierarchy()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "named");
        Assert.Equal("akka://test/user/named", actor.Path.ToString());
        Assert.Equal("/user/named", actor.Path.ToStringWithoutAddress());
        Assert.Equal(["user", "named"], actor.Path.Elements);
        var systemActor = Sys.SystemActorOf(Props.Create<EchoActor>(), "io");
        Assert.Equal("akka://test/system/io", systemActor.Path.ToString());
    }

    [Fact]
    public void ActorOf_Unnamed_GetsGeneratedDollarNames()
    {
        var first = Sys.ActorOf(Props.Create<EchoActor>());
        var second = Sys.ActorOf(Props.Create<EchoActor>());
        Assert.StartsWith("$", first.Path.Name);
        Assert.StartsWith("$", second.Path.Name);
        Assert.NotEqual(first.Path.Name, second.Path.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    public void ActorOf_InvalidName_Throws(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), name));
    }

    [Fact]
    public void ActorOf_DuplicateSiblingName_Throws()
    {
        Sys.ActorOf(Props.Create<EchoActor>(), "twin");
        var e = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "twin"));
        Assert.Contains("twin", e.Message);
    }

    [Fact]
    public async Task ContextChildAndChildren_ReflectLiveChildren()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "parent")));
        parent.Tell(new CreateChild("kid"));
        var kid = await ExpectMsgAsync<IActorRef>();
        Assert.Equal("kid", kid.Path.Name);
        Assert.Equal(parent.Path / "kid", kid.Path);
        await AwaitAssertAsync(() => Assert.Equal(kid, Sys.ActorSelection(parent.Path.ToStringWithoutAddress() + "/kid").Resolve().Single()));
        Sys.Stop(kid);
        await AwaitAssertAsync(() => Assert.Empty(Sys.ActorSelection(parent.Path.ToStringWithoutAddress() + "/*").Resolve()));
    }

    [Fact]
    public async Task Forward_KeepsOriginalSender()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ReportingActor(probe.Ref, "parent")));
        parent.Tell(new CreateChild("kid"));
        var kid = await ExpectMsgAsync<IActorRef>();
        parent.Tell(new ForwardTo("kid", "ping"), probe.Ref);
        await probe.FishForMessageAsync<string>(s => s == "pong:kid");
        Assert.Equal(kid, probe.LastSender);
    }

    [Fact]
    public async Task ActorSelection_AbsoluteRelativeAndWildcard_ResolveActors()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>(), "sel-a");
        var b = Sys.ActorOf(Props.Create<EchoActor>(), "sel-b");
        Sys.ActorSelection("/user/sel-a").Tell("abs");
        await ExpectMsgAsync("abs");
        Assert.Equal(a, LastSender);
        Sys.ActorSelection("akka://test/user/sel-b").Tell("full");
        await ExpectMsgAsync("full");
        Assert.Equal(b, LastSender);
        Sys.ActorSelection("sel-a").Tell("relative");
        await ExpectMsgAsync("relative");
        Sys.ActorSelection("/user/sel-*").Tell("wild");
        await ExpectMsgAllOfAsync(["wild", "wild"]);
        Assert.Equal(a, await Sys.ActorSelection("/user/sel-a").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task ActorSelection_NoMatch_IdentifyRepliesEmptyAndResolveOneThrows()
    {
        Sys.ActorSelection("/user/missing").Tell(new Identify(7));
        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal(7, identity.MessageId);
        Assert.Null(identity.Subject);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/missing").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Identify_LiveActor_RepliesWithItsRef()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "identified");
        actor.Tell(new Identify("id"));
        Assert.Equal(new ActorIdentity("id", actor), await ExpectMsgAsync<ActorIdentity>());
    }

    private sealed class WithArgs : ReceiveActor
    {
        public WithArgs(string text, int number) => ReceiveAny(_ => Sender.Tell($"{text}{number}"));
    }

    [Fact]
    public async Task PropsCreate_Expression_EvaluatesArgumentsOnce()
    {
        var counter = new EvaluationCounter();
        var props = Props.Create(() => new WithArgs(counter.Text(), 5));
        Assert.Equal(1, counter.Evaluations);
        Assert.Equal(typeof(WithArgs), props.ActorType);
        var one = Sys.ActorOf(props);
        var two = Sys.ActorOf(props);
        one.Tell("go");
        two.Tell("go");
        await ExpectMsgAllOfAsync(["n=5", "n=5"]);
        Assert.Equal(1, counter.Evaluations);
    }

    private sealed class EvaluationCounter
    {
        public int Evaluations { get; private set; }

        public string Text()
        {
            Evaluations++;
            return "n=";
        }
    }

    [Fact]
    public async Task PropsCreate_TypeAndArguments_ConstructsActor()
    {
        var actor = Sys.ActorOf(Props.Create(typeof(WithArgs), "x", 1));
        actor.Tell("go");
        await ExpectMsgAsync("x1");
        Assert.Throws<ArgumentException>(() => Props.Create(typeof(string)));
    }

    [Fact]
    public void Props_UnknownDispatcherOrMailbox_ThrowsOnActorOf()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create<EchoActor>().WithDispatcher("nope")));
        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create<EchoActor>().WithMailbox("nope")));
    }

    private sealed class SampleExtension(ExtendedActorSystem system)
    {
        public ExtendedActorSystem System { get; } = system;
    }

    [Fact]
    public void Extensions_CreatedOncePerSystem()
    {
        Assert.Null(Sys.GetExtension<SampleExtension>());
        Assert.False(Sys.HasExtension<SampleExtension>());
        var created = 0;
        var first = Sys.GetOrCreateExtension(s =>
        {
            created++;
            return new SampleExtension(s);
        });
        var second = Sys.RegisterExtension(s => new SampleExtension(s));
        Assert.Same(first, second);
        Assert.Same(first, Sys.GetExtension<SampleExtension>());
        Assert.Same(Sys, first.System);
        Assert.Equal(1, created);
    }
}
