using System.Diagnostics;
using ActorSockets.Actors;
using ActorSockets.TestKit.Internal;

namespace ActorSockets.TestKit;

/// <summary>
/// The expectations shared by <see cref="TestKit"/> and <see cref="TestProbe"/>: each owns a test actor
/// whose received messages the <c>Expect*</c> and <c>Receive*</c> methods consume in order.
/// All timeouts are dilated by <see cref="TestKitSettings.TimeFactor"/>.
/// </summary>
public abstract partial class TestKitBase
{
    private readonly TestActorQueue _queue;
    private DateTimeOffset? _withinDeadline;

    private protected TestKitBase(ActorSystem system, TestKitSettings settings, string testActorName)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        Sys = system;
        TestKitSettings = settings;
        _queue = new TestActorQueue(settings.QueueCapacity);
        var queue = _queue;
        TestActor = system.SystemActorOf(Props.FromProducer(() => new TestActor(queue)), testActorName);
        LastSender = system.DeadLetters;
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The timing settings.</summary>
    public TestKitSettings TestKitSettings { get; }

    /// <summary>The actor whose received messages the expectations consume. It is the implicit sender of <c>Tell</c> in test code.</summary>
    public IActorRef TestActor { get; }

    /// <summary>The sender of the last message an expectation consumed.</summary>
    public IActorRef LastSender { get; private set; }

    /// <summary>Multiplies <paramref name="duration"/> by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == System.Threading.Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TestKitSettings.TimeFactor));

    /// <summary>Drops every received message for which <paramref name="shouldIgnore"/> is true, from now on.</summary>
    public void IgnoreMessages(Func<object, bool> shouldIgnore)
    {
        ArgumentNullException.ThrowIfNull(shouldIgnore);
        _queue.Ignore = shouldIgnore;
    }

    /// <summary>Drops every received message of type <typeparamref name="T"/>, from now on.</summary>
    public void IgnoreMessages<T>() => IgnoreMessages(static m => m is T);

    /// <summary>Stops ignoring messages.</summary>
    public void IgnoreNoMessages() => _queue.Ignore = null;

    /// <summary>Makes the test actor watch <paramref name="actor"/>, so <see cref="ExpectTerminatedAsync"/> can see it stop.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        TestActor.Tell(new WatchCommand(actor), TestActor);
        return actor;
    }

    /// <summary>Makes the test actor stop watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        TestActor.Tell(new UnwatchCommand(actor), TestActor);
        return actor;
    }

    /// <summary>The time left in the enclosing <see cref="WithinAsync(TimeSpan, Func{Task})"/>, or <paramref name="fallback"/> (dilated) outside one.</summary>
    public TimeSpan RemainingOrDefault(TimeSpan? fallback = null)
    {
        if (_withinDeadline is { } deadline)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
        return Dilated(fallback ?? TestKitSettings.SingleExpectDefault);
    }

    private TimeSpan Timeout(TimeSpan? timeout) => timeout is { } given ? Dilated(given) : RemainingOrDefault();

    /// <summary>Takes the next message, or null after <paramref name="timeout"/>.</summary>
    private async Task<ReceivedMessage?> ReceiveOneAsync(TimeSpan timeout)
    {
        CheckOverflow();
        var received = await _queue.TakeAsync(timeout).ConfigureAwait(false);
        if (received is { } message)
        {
            LastSender = message.Sender;
        }
        return received;
    }

    private void CheckOverflow()
    {
        if (_queue.Dropped > 0)
        {
            throw new TestKitAssertionException(
                $"The test actor {TestActor.Path} dropped {_queue.Dropped} messages because its queue was full ({TestKitSettings.QueueCapacity}); expectations would be unreliable.");
        }
    }

    private static string Describe(object message) => message switch
    {
        string s => $"\"{s}\" (String)",
        _ => $"{message} ({message.GetType().Name})",
    };

    private static string Ms(TimeSpan duration) => $"{duration.TotalMilliseconds:0} ms";

    private static string Hint(string? hint) => string.IsNullOrEmpty(hint) ? "" : $" [{hint}]";

    private static TimeSpan Since(long start) => Stopwatch.GetElapsedTime(start);
}
