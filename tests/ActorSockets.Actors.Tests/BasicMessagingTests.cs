using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class BasicMessagingTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }

    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter()
        {
            Receive<string>(s => s == "get", _ => Sender.Tell(_count));
            Receive<int>(i => _count += i);
        }
    }

    [Fact]
    public async Task Tell_ToEcho_RepliesToTestActorAsImplicitSender()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        echo.Tell("hello");
        Assert.Equal("hello", await ExpectMsgAsync<string>());
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task Tell_ManyFromOneSender_ArriveInOrder()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        for (var i = 0; i < 1000; i++)
        {
            echo.Tell(i);
        }
        for (var i = 0; i < 1000; i++)
        {
            await ExpectMsgAsync(i);
        }
    }

    [Fact]
    public async Task Receive_WithPredicate_FallsThroughToNextHandler()
    {
        var counter = Sys.ActorOf(Props.Create<Counter>());
        counter.Tell(3);
        counter.Tell(4);
        counter.Tell("get");
        await ExpectMsgAsync(7);
    }

    [Fact]
    public async Task Tell_ConcurrentSenders_PreservePerSenderOrder()
    {
        var probes = Enumerable.Range(0, 4).Select(_ => CreateTestProbe()).ToArray();
        var echo = Sys.ActorOf(Props.Create<Echo>());
        var senders = probes.Select(p => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                echo.Tell(i, p.Ref);
            }
        })).ToArray();
        await Task.WhenAll(senders);
        foreach (var probe in probes)
        {
            for (var i = 0; i < 500; i++)
            {
                await probe.ExpectMsgAsync(i);
            }
        }
    }
}
