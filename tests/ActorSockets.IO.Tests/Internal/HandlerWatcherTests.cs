using ActorSockets.IO.Internal;
using Akka.Actor;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.IO.Tests.Internal;

public class HandlerWatcherTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public async Task HandlerDies_EveryConnectionItServesIsTold()
    {
        IActorRef watcher = Sys.ActorOf(Props.Create(() => new HandlerWatcher()));
        TestProbe handler = CreateTestProbe();
        TestProbe first = CreateTestProbe();
        TestProbe second = CreateTestProbe();
        watcher.Tell(new HandlerWatcher.Watch(handler.Ref, first.Ref));
        watcher.Tell(new HandlerWatcher.Watch(handler.Ref, second.Ref));

        Sys.Stop(handler.Ref);

        await first.ExpectMsgAsync(HandlerWatcher.HandlerTerminated.Instance);
        await second.ExpectMsgAsync(HandlerWatcher.HandlerTerminated.Instance);
    }

    [Fact]
    public async Task HandlerDies_AfterItsConnectionForgotIt_NobodyIsTold()
    {
        IActorRef watcher = Sys.ActorOf(Props.Create(() => new HandlerWatcher()));
        TestProbe handler = CreateTestProbe();
        TestProbe stopped = CreateTestProbe();
        TestProbe open = CreateTestProbe();
        watcher.Tell(new HandlerWatcher.Watch(handler.Ref, stopped.Ref));
        watcher.Tell(new HandlerWatcher.Watch(handler.Ref, open.Ref));
        watcher.Tell(new HandlerWatcher.Forget(handler.Ref, stopped.Ref));

        Sys.Stop(handler.Ref);

        await open.ExpectMsgAsync(HandlerWatcher.HandlerTerminated.Instance);
        await stopped.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task HandlerAlreadyDead_ConnectionIsToldAtOnce()
    {
        IActorRef watcher = Sys.ActorOf(Props.Create(() => new HandlerWatcher()));
        TestProbe handler = CreateTestProbe();
        TestProbe connection = CreateTestProbe();
        Watch(handler.Ref);
        Sys.Stop(handler.Ref);
        await ExpectTerminatedAsync(handler.Ref);

        watcher.Tell(new HandlerWatcher.Watch(handler.Ref, connection.Ref));

        await connection.ExpectMsgAsync(HandlerWatcher.HandlerTerminated.Instance);
    }
}
