using ActorSockets.Actors;
using ActorSockets.Actors.Internal;
using Xunit.Abstractions;

namespace ActorSockets.Actors.Tests;

public sealed class MailboxConcurrencyTests(ITestOutputHelper output) : TestKit.TestKit("actorsockets.actor.default-dispatcher.throughput = 5", output)
{
    private sealed record Item(int Producer, int Sequence);

    private sealed class ExclusiveCounter : ReceiveActor
    {
        private readonly int[] _next;
        private int _inside;
        private int _received;

        public ExclusiveCounter(int producers, int total, IActorRef probe)
        {
            _next = new int[producers];
            Receive<Item>(item =>
            {
                if (Interlocked.Exchange(ref _inside, 1) != 0)
                {
                    probe.Tell("overlap");
                }
                if (_next[item.Producer] != item.Sequence)
                {
                    probe.Tell($"out of order: producer {item.Producer} expected {_next[item.Producer]} got {item.Sequence}");
                }
                _next[item.Producer] = item.Sequence + 1;
                if (++_received == total)
                {
                    probe.Tell("all received");
                }
                Volatile.Write(ref _inside, 0);
            });
        }
    }

    [Fact]
    public async Task Mailbox_ManyConcurrentProducers_OneThreadAtATimeAndPerSenderOrder()
    {
        const int producers = 4;
        const int perProducer = 50_000;
        var actor = Sys.ActorOf(Props.Create(() => new ExclusiveCounter(producers, producers * perProducer, TestActor)));
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                actor.Tell(new Item(p, i), ActorRefs.NoSender);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        await ExpectMsgAsync("all received", TimeSpan.FromSeconds(20));
        await ExpectNoMsgAsync();
    }

    private sealed class Bouncer : ReceiveActor
    {
        private int _left;

        public Bouncer(int rounds, IActorRef probe)
        {
            _left = rounds;
            Receive<string>(ball =>
            {
                if (--_left == 0)
                {
                    probe.Tell("done");
                }
                else if (_left > 0)
                {
                    Sender.Tell(ball, Self);
                }
            });
        }
    }

    [Fact]
    public async Task Mailbox_PingPongOneMessageInFlight_NeverLosesAWakeUp()
    {
        // One message bouncing between two actors puts every Post in the race with the receiver going
        // idle; a missing fence there lost the wake-up about once per ten million messages.
        for (var round = 0; round < 3; round++)
        {
            var a = Sys.ActorOf(Props.Create(() => new Bouncer(200_000, TestActor)));
            var b = Sys.ActorOf(Props.Create(() => new Bouncer(int.MaxValue, TestActor)));
            b.Tell("ball", a);
            await ExpectMsgAsync("done", TimeSpan.FromSeconds(30));
            Sys.Stop(a);
            Sys.Stop(b);
        }
    }

    [Fact]
    public void EnvelopeQueue_ConcurrentProducersThroughSegmentGrowth_LosesNothingAndKeepsOrder()
    {
        var queue = new EnvelopeQueue();
        var growLock = new object();
        const int producers = 3;
        const int perProducer = 100_000;
        var next = new int[producers];
        var received = 0;
        using var start = new Barrier(producers + 1);
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perProducer; i++)
            {
                queue.Enqueue(new Item(p, i), null, growLock);
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }
        start.SignalAndWait();
        var deadline = Environment.TickCount64 + 30_000;
        while (received < producers * perProducer && Environment.TickCount64 < deadline)
        {
            if (!queue.TryDequeue(out var envelope))
            {
                Thread.Yield();
                continue;
            }
            var item = (Item)envelope.Message;
            Assert.Equal(next[item.Producer], item.Sequence);
            next[item.Producer]++;
            received++;
        }
        foreach (var thread in threads)
        {
            thread.Join();
        }
        Assert.Equal(producers * perProducer, received);
        Assert.False(queue.TryDequeue(out _));
        Assert.False(queue.HasMessages);
    }
}
