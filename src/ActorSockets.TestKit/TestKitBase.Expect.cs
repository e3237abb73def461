using System.Diagnostics;
using ActorSockets.Actors;

namespace ActorSockets.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>Expects the next message to be a <typeparamref name="T"/> within the timeout, and returns it.</summary>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null, string? hint = null) =>
        ExpectMsgCoreAsync<T>(timeout, hint, null, $"a message of type {typeof(T).Name}");

    /// <summary>Expects the next message to equal <paramref name="message"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(T message, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ExpectMsgCoreAsync<T>(timeout, hint, m => EqualityComparer<T>.Default.Equals(m, message) ? null : "it is not equal",
            $"the message {Describe(message)}");
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> that matches <paramref name="isMessage"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return ExpectMsgCoreAsync<T>(timeout, hint, m => isMessage(m) ? null : "it does not match the predicate",
            $"a message of type {typeof(T).Name} matching the predicate");
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> for which <paramref name="assert"/> does not throw.</summary>
    public Task<T> ExpectMsgAsync<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(assert);
        return ExpectMsgCoreAsync<T>(timeout, hint, m =>
        {
            try
            {
                assert(m);
                return null;
            }
            catch (Exception e)
            {
                return $"the assertion failed: {e.Message}";
            }
        }, $"a message of type {typeof(T).Name} passing the assertion");
    }

    /// <summary>Expects no message for <paramref name="duration"/> (defaults to <see cref="TestKitSettings.ExpectNoMessageDefault"/>).</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null, string? hint = null)
    {
        var wait = Dilated(duration ?? TestKitSettings.ExpectNoMessageDefault);
        var start = Stopwatch.GetTimestamp();
        if (await ReceiveOneAsync(wait).ConfigureAwait(false) is { } received)
        {
            throw new TestKitAssertionException(
                $"Expected no message for {Ms(wait)}{Hint(hint)}, but received {Describe(received.Message)} from {received.Sender} after {Ms(Since(start))}.");
        }
    }

    /// <summary>Expects the test actor to receive <see cref="Terminated"/> for <paramref name="target"/> (watch it first with <see cref="Watch"/>).</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ExpectMsgCoreAsync<Terminated>(timeout, hint, t => t.ActorRef.Equals(target) ? null : $"it is for {t.ActorRef.Path}",
            $"Terminated of {target.Path}");
    }

    /// <summary>Expects the next messages to be exactly <paramref name="messages"/>, in any order.</summary>
    public async Task<IReadOnlyList<T>> ExpectMsgAllOfAsync<T>(IReadOnlyCollection<T> messages, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var wait = Timeout(timeout);
        var start = Stopwatch.GetTimestamp();
        var missing = messages.ToList();
        var received = new List<T>();
        while (missing.Count > 0)
        {
            var left = wait - Since(start);
            if (await ReceiveOneAsync(left).ConfigureAwait(false) is not { } next)
            {
                throw new TestKitAssertionException(
                    $"Expected all of [{string.Join(", ", messages.Select(m => Describe(m!)))}] within {Ms(wait)}{Hint(hint)}, " +
                    $"but after {Ms(Since(start))} still missing [{string.Join(", ", missing.Select(m => Describe(m!)))}]; received [{string.Join(", ", received.Select(m => Describe(m!)))}].");
            }
            var index = next.Message is T typed ? missing.FindIndex(m => EqualityComparer<T>.Default.Equals(m, typed)) : -1;
            if (index < 0)
            {
                throw new TestKitAssertionException(
                    $"Expected all of [{string.Join(", ", messages.Select(m => Describe(m!)))}]{Hint(hint)}, but received the unexpected {Describe(next.Message)} " +
                    $"from {next.Sender} after {Ms(Since(start))}; still missing [{string.Join(", ", missing.Select(m => Describe(m!)))}].");
            }
            received.Add(missing[index]);
            missing.RemoveAt(index);
        }
        return received;
    }

    /// <summary>Expects the next message to be one of <paramref name="messages"/>, and returns it.</summary>
    public async Task<T> ExpectMsgAnyOfAsync<T>(IEnumerable<T> messages, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var candidates = messages.ToList();
        var description = $"one of [{string.Join(", ", candidates.Select(m => Describe(m!)))}]";
        return await ExpectMsgCoreAsync<T>(timeout, hint, m => candidates.Contains(m) ? null : "it is none of them", description).ConfigureAwait(false);
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching <paramref name="isMessage"/>, and returns it.</summary>
    public async Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var wait = Timeout(timeout);
        var start = Stopwatch.GetTimestamp();
        var skipped = new List<object>();
        while (true)
        {
            if (await ReceiveOneAsync(wait - Since(start)).ConfigureAwait(false) is not { } next)
            {
                throw new TestKitAssertionException(
                    $"Fished for a message of type {typeof(T).Name} matching the predicate for {Ms(wait)}{Hint(hint)} and caught nothing; " +
                    $"skipped {skipped.Count}: [{string.Join(", ", skipped.Take(10).Select(Describe))}{(skipped.Count > 10 ? ", ..." : "")}].");
            }
            if (next.Message is T typed && isMessage(typed))
            {
                return typed;
            }
            skipped.Add(next.Message);
        }
    }

    /// <summary>Receives exactly <paramref name="count"/> messages of any type within the timeout.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var wait = Timeout(timeout);
        var start = Stopwatch.GetTimestamp();
        var received = new List<object>(count);
        while (received.Count < count)
        {
            if (await ReceiveOneAsync(wait - Since(start)).ConfigureAwait(false) is not { } next)
            {
                throw new TestKitAssertionException(
                    $"Expected {count} messages within {Ms(wait)}{Hint(hint)}, but received only {received.Count}: [{string.Join(", ", received.Select(Describe))}].");
            }
            received.Add(next.Message);
        }
        return received;
    }

    /// <summary>
    /// Receives messages while <paramref name="filter"/> maps them to a value (non-null), at most
    /// <paramref name="maxMessages"/>, until <paramref name="max"/> passes or no message arrives for
    /// <paramref name="idle"/>. The first message the filter rejects is consumed and ends the run.
    /// </summary>
    public async Task<IReadOnlyList<T>> ReceiveWhileAsync<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(filter);
        var wait = Timeout(max);
        var idleWait = idle is { } i ? Dilated(i) : wait;
        var start = Stopwatch.GetTimestamp();
        var results = new List<T>();
        while (results.Count < maxMessages)
        {
            var left = wait - Since(start);
            if (left <= TimeSpan.Zero)
            {
                break;
            }
            if (await ReceiveOneAsync(left < idleWait ? left : idleWait).ConfigureAwait(false) is not { } next)
            {
                break;
            }
            if (filter(next.Message) is not { } value)
            {
                break;
            }
            results.Add(value);
        }
        return results;
    }

    private async Task<T> ExpectMsgCoreAsync<T>(TimeSpan? timeout, string? hint, Func<T, string?>? check, string expected)
    {
        var wait = Timeout(timeout);
        var start = Stopwatch.GetTimestamp();
        if (await ReceiveOneAsync(wait).ConfigureAwait(false) is not { } received)
        {
            throw new TestKitAssertionException($"Expected {expected} within {Ms(wait)}{Hint(hint)}, but received nothing.");
        }
        if (received.Message is not T typed)
        {
            throw new TestKitAssertionException(
                $"Expected {expected}{Hint(hint)}, but received {Describe(received.Message)} from {received.Sender} after {Ms(Since(start))}.");
        }
        if (check?.Invoke(typed) is { } mismatch)
        {
            throw new TestKitAssertionException(
                $"Expected {expected}{Hint(hint)}, but received {Describe(received.Message)} from {received.Sender} after {Ms(Since(start))}: {mismatch}.");
        }
        return typed;
    }
}
