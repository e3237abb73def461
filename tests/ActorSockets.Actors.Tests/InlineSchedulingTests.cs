using ActorSockets.Actors;
using ActorSockets.Actors.Internal;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

/// <summary>
/// The two ways an actor skips the thread pool's queue: inline runs of idle <c>RunsInlineWhenIdle</c> actors
/// told from an actor's run, and the run-next slot of a <see cref="RunNextScope"/>. A caller marks its thread
/// around a <c>Tell</c> or a scope; the woken actor reports the mark it sees on its own thread, so a test
/// knows exactly whether the actor ran nested in that call (it sees the mark) or elsewhere (it sees none).
/// </summary>
public sealed class InlineSchedulingTests(ITestOutputHelper output) : TestKit.TestKit(output: output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [ThreadStatic]
    private static string? t_mark;

    /// <summary>What a <see cref="Reporter"/> saw: the mark on the thread it ran on (null: none).</summary>
    private sealed record Saw(string Name, string? Mark);

    /// <summary>Runs <paramref name="action"/> with this thread marked <paramref name="mark"/>.</summary>
    private static void Marked(string mark, Action action)
    {
        string? previous = t_mark;
        t_mark = mark;
        try
        {
            action();
        }
        finally
        {
            t_mark = previous;
        }
    }

    /// <summary>Reports the mark it sees, optionally tells <c>next</c> under a mark of its own, and may block.</summary>
    private sealed class Reporter(string name, IActorRef probe, IActorRef? next = null, ManualResetEventSlim? waitFor = null) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            probe.Tell(new Saw(name, t_mark));
            if (next is not null)
            {
                Marked(name, () => next.Tell(message));
            }

            if (waitFor is not null)
            {
                probe.Tell(waitFor.Wait(Bound));
            }
        }
    }

    /// <summary>Sets an event when it runs.</summary>
    private sealed class Signalling(ManualResetEventSlim ran) : UntypedActor
    {
        protected override void OnReceive(object message) => ran.Set();
    }

    private IActorRef Reporting(string name, bool inline, IActorRef? next = null, ManualResetEventSlim? waitFor = null)
    {
        Props props = Props.Create(() => new Reporter(name, TestActor, next, waitFor));
        return Sys.ActorOf(inline ? props.WithRunsInlineWhenIdle() : props);
    }

    /// <summary>
    /// Waits until every actor has finished starting: only an idle actor is scheduled by the next message, and
    /// only then does it matter where that happens.
    /// </summary>
    private Task AllIdleAsync(params IActorRef[] actors) =>
        AwaitConditionAsync(() => actors.All(a => ((LocalActorRef)a).Cell.Mailbox.IsIdle), message: "actors idle");

    [Fact]
    public async Task InlineWhenIdle_ToldFromAnActorsRun_RunsNestedInThatTell()
    {
        var connection = Reporting("connection", inline: true);
        var handler = Reporting("handler", inline: false, next: connection);
        await AllIdleAsync(connection, handler);

        handler.Tell("go");

        Assert.Equal(new Saw("handler", null), await ExpectMsgAsync<Saw>());
        Assert.Equal(new Saw("connection", "handler"), await ExpectMsgAsync<Saw>());
    }

    [Fact]
    public async Task InlineWhenIdle_ToldFromOutsideAnyActor_IsQueued()
    {
        var connection = Reporting("connection", inline: true);
        await AllIdleAsync(connection);

        await Task.Run(() => Marked("outside", () => connection.Tell("go")));

        Assert.Equal(new Saw("connection", null), await ExpectMsgAsync<Saw>());
    }

    [Fact]
    public async Task InlineWhenIdle_WokenByAnInlineRun_IsQueuedNotNestedAgain()
    {
        var second = Reporting("second", inline: true);
        var first = Reporting("first", inline: true, next: second);
        var handler = Reporting("handler", inline: false, next: first);
        await AllIdleAsync(second, first, handler);

        handler.Tell("go");

        var saw = await ReceiveNAsync(3);
        Assert.Contains(new Saw("first", "handler"), saw);
        Assert.Contains(new Saw("second", null), saw);
    }

    /// <summary>An async handler that tells its target from inside its handler, under its synchronization context.</summary>
    private sealed class AsyncTeller : ReceiveActor
    {
        public AsyncTeller(IActorRef target)
        {
            ReceiveAsync<string>(async message =>
            {
                target.Tell(message);
                await Task.Yield();
            });
        }
    }

    /// <summary>Reports whether it ran under a synchronization context.</summary>
    private sealed class ContextReporter(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message) => probe.Tell(SynchronizationContext.Current is null ? "no context" : "a context");
    }

    [Fact]
    public async Task InlineWhenIdle_ToldFromAnAsyncHandler_RunsWithoutTheTellersSynchronizationContext()
    {
        var connection = Sys.ActorOf(Props.Create(() => new ContextReporter(TestActor)).WithRunsInlineWhenIdle());
        var teller = Sys.ActorOf(Props.Create(() => new AsyncTeller(connection)));
        await AllIdleAsync(connection, teller);

        teller.Tell("go");

        // Under the teller's context, whatever the inline run started (an async send) would continue in the teller.
        await ExpectMsgAsync("no context");
    }

    /// <summary>Opens a run-next scope inside its own run, tells its target, and marks the scope.</summary>
    private sealed class ScopeInsideARun(IActorRef target) : UntypedActor
    {
        protected override void OnReceive(object message) => Marked("actor's scope", () =>
        {
            using var scope = RunNextScope.Open();
            target.Tell(message);
        });
    }

    [Fact]
    public async Task RunNextScope_InsideAnActorsRun_DoesNothing()
    {
        var target = Reporting("target", inline: false);
        var actor = Sys.ActorOf(Props.Create(() => new ScopeInsideARun(target)));
        await AllIdleAsync(target, actor);

        actor.Tell("go");

        Assert.Equal(new Saw("target", null), await ExpectMsgAsync<Saw>());
    }

    [Fact]
    public async Task RunNextScope_OnAPoolThread_ToldActorRunsThereWhenTheScopeCloses()
    {
        var handler = Reporting("handler", inline: false);
        await AllIdleAsync(handler);

        await Task.Run(() => Marked("scope", () =>
        {
            using var scope = RunNextScope.Open();
            handler.Tell("go");
        }));

        Assert.Equal(new Saw("handler", "scope"), await ExpectMsgAsync<Saw>());
    }

    [Fact]
    public async Task RunNextScope_TwoActorsTold_TheFirstRunsElsewhereAtOnceTheSecondWhenTheScopeCloses()
    {
        using var firstRan = new ManualResetEventSlim();
        var first = Sys.ActorOf(Props.Create(() => new Signalling(firstRan)));
        var second = Reporting("second", inline: false);
        await AllIdleAsync(first, second);

        bool firstRanWhileScopeOpen = await Task.Run(() =>
        {
            bool ran = false;
            Marked("scope", () =>
            {
                using var scope = RunNextScope.Open();
                first.Tell("one");
                second.Tell("two");

                // The second took the slot and pushed the first to the pool, so another thread runs it now.
                ran = firstRan.Wait(Bound);
            });
            return ran;
        });

        Assert.True(firstRanWhileScopeOpen, "the displaced actor did not run while the scope stayed open");
        Assert.Equal(new Saw("second", "scope"), await ExpectMsgAsync<Saw>());
    }

    [Fact]
    public async Task RunNextScope_TheSlotActorBlocksOnAnActorItTold_ThatActorIsNotHeldBehindIt()
    {
        using var helped = new ManualResetEventSlim();
        var helper = Sys.ActorOf(Props.Create(() => new Signalling(helped)));
        var blocker = Reporting("blocker", inline: false, next: helper, waitFor: helped);
        await AllIdleAsync(helper, blocker);

        await Task.Run(() =>
        {
            using var scope = RunNextScope.Open();
            blocker.Tell("go");
        });

        Assert.Equal("blocker", (await ExpectMsgAsync<Saw>()).Name);

        // Had the helper waited in a slot behind the blocking actor, the blocker's wait would have timed out.
        Assert.True(await ExpectMsgAsync<bool>(Bound * 2));
    }

    [Fact]
    public async Task RunNextScope_OnAThreadOutsideThePool_DoesNothing()
    {
        var handler = Reporting("handler", inline: false);
        await AllIdleAsync(handler);
        var thread = new Thread(() => Marked("scope", () =>
        {
            using var scope = RunNextScope.Open();
            handler.Tell("go");
        }));

        thread.Start();

        Assert.Equal(new Saw("handler", null), await ExpectMsgAsync<Saw>());
        Assert.True(thread.Join(Bound));
    }
}
