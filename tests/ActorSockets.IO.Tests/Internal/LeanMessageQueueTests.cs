using ActorSockets.IO.Internal;
using Akka.Actor;

namespace ActorSockets.IO.Tests.Internal;

public class LeanMessageQueueTests
{
    [Fact]
    public void AllHandled_OnlyOnceEveryEnqueuedMessageWasHandled_NotJustDequeued()
    {
        var queue = new LeanMessageQueue();
        Assert.True(queue.AllHandled);

        queue.Enqueue(ActorRefs.Nobody, new Envelope(1, ActorRefs.NoSender));
        queue.Enqueue(ActorRefs.Nobody, new Envelope(2, ActorRefs.NoSender));
        Assert.False(queue.AllHandled);

        Assert.True(queue.TryDequeue(out _));
        queue.Handled();
        Assert.False(queue.AllHandled);

        Assert.True(queue.TryDequeue(out _));
        Assert.False(queue.AllHandled);
        queue.Handled();
        Assert.True(queue.AllHandled);
    }

    [Fact]
    public void TryDequeue_Empty_ReturnsFalseAndCountsNothing()
    {
        var queue = new LeanMessageQueue();

        Assert.False(queue.TryDequeue(out _));
        Assert.False(queue.HasMessages);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Enqueue_ManyThenDrain_ComeOutInOrderAndTheQueueWorksAgainAfterDraining()
    {
        var queue = new LeanMessageQueue();
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < 100; i++)
            {
                queue.Enqueue(ActorRefs.Nobody, new Envelope(i, ActorRefs.NoSender));
            }

            Assert.Equal(100, queue.Count);
            for (int i = 0; i < 100; i++)
            {
                Assert.True(queue.TryDequeue(out Envelope envelope));
                Assert.Equal(i, envelope.Message);
            }

            Assert.False(queue.HasMessages);
        }
    }

    [Fact]
    public void Enqueue_FromManyThreads_EveryMessageArrivesOnceAndEachProducersInOrder()
    {
        var queue = new LeanMessageQueue();
        const int Producers = 4;
        const int PerProducer = 10_000;

        Parallel.For(0, Producers, p =>
        {
            for (int i = 0; i < PerProducer; i++)
            {
                queue.Enqueue(ActorRefs.Nobody, new Envelope((p, i), ActorRefs.NoSender));
            }
        });

        int[] next = new int[Producers];
        while (queue.TryDequeue(out Envelope envelope))
        {
            var (p, i) = ((int, int))envelope.Message;
            Assert.Equal(next[p], i);
            next[p]++;
        }

        Assert.All(next, count => Assert.Equal(PerProducer, count));
    }

    [Fact]
    public void Enqueue_GrowingWhileWrappedAround_KeepsTheOrder()
    {
        var queue = new LeanMessageQueue();
        int next = 0;
        int expected = 0;
        for (int round = 0; round < 50; round++)
        {
            // Takes out fewer than it puts in, so the head moves round the ring while it keeps growing.
            for (int i = 0; i < 3; i++)
            {
                queue.Enqueue(ActorRefs.Nobody, new Envelope(next++, ActorRefs.NoSender));
            }

            for (int i = 0; i < 2; i++)
            {
                Assert.True(queue.TryDequeue(out Envelope envelope));
                Assert.Equal(expected++, envelope.Message);
            }
        }

        while (queue.TryDequeue(out Envelope envelope))
        {
            Assert.Equal(expected++, envelope.Message);
        }

        Assert.Equal(next, expected);
        Assert.Equal(0, queue.Count);
    }
}
