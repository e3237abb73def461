using System.Threading.Channels;
using ActorSockets.Actors;

namespace ActorSockets.TestKit.Internal;

/// <summary>A received message and who sent it.</summary>
internal readonly record struct ReceivedMessage(object Message, IActorRef Sender, long ElapsedTicks);

/// <summary>Tells a test actor to watch an actor.</summary>
internal sealed record WatchCommand(IActorRef Subject);

/// <summary>Tells a test actor to stop watching an actor.</summary>
internal sealed record UnwatchCommand(IActorRef Subject);

/// <summary>
/// The actor behind <c>TestActor</c> and every probe: queues what it receives (including
/// <see cref="Terminated"/> of what it watches) for the TestKit's expectations, minus ignored messages.
/// The queue is bounded; overflow is counted and reported by the next expectation.
/// </summary>
internal sealed class TestActor : ActorBase
{
    private readonly TestActorQueue _queue;

    public TestActor(TestActorQueue queue)
    {
        _queue = queue;
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchCommand watch:
                Context.Watch(watch.Subject);
                return true;
            case UnwatchCommand unwatch:
                Context.Unwatch(unwatch.Subject);
                return true;
        }
        if (_queue.Ignore is { } ignore && ignore(message))
        {
            return true;
        }
        _queue.Add(message, Sender);
        return true;
    }
}

/// <summary>The bounded queue between a test actor and the test code.</summary>
internal sealed class TestActorQueue(int capacity)
{
    private readonly Channel<ReceivedMessage> _channel = Channel.CreateBounded<ReceivedMessage>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private int _dropped;

    public Func<object, bool>? Ignore { get; set; }

    public int Dropped => Volatile.Read(ref _dropped);

    public void Add(object message, IActorRef sender)
    {
        if (!_channel.Writer.TryWrite(new ReceivedMessage(message, sender, System.Diagnostics.Stopwatch.GetTimestamp())))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public bool TryTake(out ReceivedMessage message) => _channel.Reader.TryRead(out message);

    public async Task<ReceivedMessage?> TakeAsync(TimeSpan timeout)
    {
        if (_channel.Reader.TryRead(out var ready))
        {
            return ready;
        }
        if (timeout <= TimeSpan.Zero)
        {
            return null;
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await _channel.Reader.WaitToReadAsync(cts.Token).ConfigureAwait(false))
            {
                if (_channel.Reader.TryRead(out var message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // Timed out: the caller reports what it expected.
        }
        return null;
    }
}
