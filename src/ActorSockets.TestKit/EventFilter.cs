using System.Diagnostics;
using ActorSockets.TestKit.Internal;

namespace ActorSockets.TestKit;

/// <summary>
/// Asserts that running an action makes the system log a number of matching lines. Matching lines
/// are kept out of the test output while the filter is active.
/// </summary>
public sealed class EventFilter
{
    private readonly TestKit _kit;
    private readonly string _description;
    private readonly Func<LogEntry, bool> _matches;

    internal EventFilter(TestKit kit, string description, Func<LogEntry, bool> matches)
    {
        _kit = kit;
        _description = description;
        _matches = matches;
    }

    /// <summary>Expects exactly one matching line while (or shortly after) <paramref name="action"/> runs.</summary>
    public Task ExpectOneAsync(Func<Task> action, TimeSpan? timeout = null) => ExpectAsync(1, action, timeout);

    /// <summary>Expects exactly one matching line while (or shortly after) <paramref name="action"/> runs.</summary>
    public Task ExpectOneAsync(Action action, TimeSpan? timeout = null) => ExpectAsync(1, action, timeout);

    /// <summary>Expects exactly <paramref name="expectedCount"/> matching lines.</summary>
    public Task ExpectAsync(int expectedCount, Action action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ExpectAsync(expectedCount, () =>
        {
            action();
            return Task.CompletedTask;
        }, timeout);
    }

    /// <summary>
    /// Runs <paramref name="action"/>, then waits up to <paramref name="timeout"/> (dilated; defaults to
    /// the single-expect default) for <paramref name="expectedCount"/> matching lines, and fails if
    /// fewer or more arrived.
    /// </summary>
    public async Task ExpectAsync(int expectedCount, Func<Task> action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCount);
        var interceptor = new LogInterceptor(_matches);
        var sink = _kit.LogSink;
        sink.Add(interceptor);
        var wait = timeout is { } t ? _kit.Dilated(t) : _kit.RemainingOrDefault();
        var start = Stopwatch.GetTimestamp();
        try
        {
            await action().ConfigureAwait(false);
            while (interceptor.Count < expectedCount && Stopwatch.GetElapsedTime(start) < wait)
            {
                await Task.Delay(10).ConfigureAwait(false);
            }
        }
        finally
        {
            sink.Remove(interceptor);
        }
        var matched = interceptor.Matched;
        if (matched.Count != expectedCount)
        {
            throw new TestKitAssertionException(
                $"Expected {expectedCount} log line(s) matching {_description} within {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms, " +
                $"but {matched.Count} matched{(matched.Count == 0 ? "" : ": " + string.Join("; ", matched))}.");
        }
    }
}
