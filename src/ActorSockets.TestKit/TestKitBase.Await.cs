using System.Diagnostics;

namespace ActorSockets.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>
    /// Runs <paramref name="assertion"/> until it stops throwing, retrying every <paramref name="interval"/>
    /// (defaults to 50 ms) for up to <paramref name="duration"/>; then rethrows its last failure.
    /// </summary>
    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval);
    }

    /// <summary>Like <see cref="AwaitAssertAsync(Action, TimeSpan?, TimeSpan?)"/> for an async assertion.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var wait = duration is { } d ? Dilated(d) : Dilated(TestKitSettings.AwaitDefault);
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        var start = Stopwatch.GetTimestamp();
        var attempts = 0;
        while (true)
        {
            attempts++;
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (Since(start) < wait)
            {
                _ = e;
            }
            catch (Exception e)
            {
                throw new TestKitAssertionException(
                    $"The assertion still failed after {Ms(Since(start))} ({attempts} attempts): {e.Message}", e);
            }
            await Task.Delay(pause).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true, polling every <paramref name="interval"/> (defaults to 50 ms) for up to <paramref name="max"/>.</summary>
    public Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return AwaitConditionAsync(() => Task.FromResult(condition()), max, interval, message);
    }

    /// <summary>Like <see cref="AwaitConditionAsync(Func{bool}, TimeSpan?, TimeSpan?, string?)"/> for an async condition.</summary>
    public async Task AwaitConditionAsync(Func<Task<bool>> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = max is { } m ? Dilated(m) : Dilated(TestKitSettings.AwaitDefault);
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        var start = Stopwatch.GetTimestamp();
        while (!await condition().ConfigureAwait(false))
        {
            if (Since(start) >= wait)
            {
                throw new TestKitAssertionException($"The condition{Hint(message)} was still false after {Ms(Since(start))}.");
            }
            await Task.Delay(pause).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="action"/>, which must finish within <paramref name="max"/>; expectations inside default to the time left.</summary>
    public Task WithinAsync(TimeSpan max, Func<Task> action) => WithinAsync(TimeSpan.Zero, max, action);

    /// <summary>Runs <paramref name="action"/>, which must take at least <paramref name="min"/> and at most <paramref name="max"/> (both dilated).</summary>
    public async Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var dilatedMax = Dilated(max);
        var previous = _withinDeadline;
        var deadline = DateTimeOffset.UtcNow + dilatedMax;
        _withinDeadline = previous is { } outer && outer < deadline ? outer : deadline;
        var start = Stopwatch.GetTimestamp();
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _withinDeadline = previous;
        }
        var elapsed = Since(start);
        if (elapsed < min)
        {
            throw new TestKitAssertionException($"The block finished after {Ms(elapsed)}, sooner than the minimum {Ms(min)}.");
        }
        if (elapsed > dilatedMax)
        {
            throw new TestKitAssertionException($"The block took {Ms(elapsed)}, longer than the maximum {Ms(dilatedMax)}.");
        }
    }
}
