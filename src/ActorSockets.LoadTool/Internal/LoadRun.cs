using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ActorSockets.LoadTool.Internal;

/// <summary>
/// The state every worker of one run shares: the target, the latency recorder, error counters, the open-connection
/// count, the ramp throttle and the stop signal. Latency goes into a few striped histograms so that two threads
/// recording at the same moment rarely touch the same counters; readers merge the stripes.
/// </summary>
internal sealed class LoadRun
{
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(100);

    private readonly LatencyHistogram[] _latencyStripes;
    private readonly long[] _errors = new long[Enum.GetValues<LoadErrorKind>().Length];
    private readonly string?[] _firstErrorMessages = new string?[Enum.GetValues<LoadErrorKind>().Length];
    private readonly SemaphoreSlim _rampThrottle;
    private readonly TaskCompletionSource _rampDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private int _rampPending;
    private int _openConnections;

    public LoadRun(LoadOptions options, EndPoint target, int rampSteps)
    {
        Options = options;
        Target = target;
        _latencyStripes = new LatencyHistogram[Math.Max(2, Environment.ProcessorCount * 2)];
        for (var i = 0; i < _latencyStripes.Length; i++)
        {
            _latencyStripes[i] = new LatencyHistogram();
        }

        _rampThrottle = new SemaphoreSlim(options.RampConcurrency, options.RampConcurrency);
        _rampPending = rampSteps;
        if (rampSteps == 0)
        {
            _rampDone.TrySetResult();
        }
    }

    public LoadOptions Options { get; }

    public EndPoint Target { get; }

    public bool Stopping => _stopped.Task.IsCompleted;

    public Task Stopped => _stopped.Task;

    public Task RampDone => _rampDone.Task;

    public int OpenConnections => Volatile.Read(ref _openConnections);

    public static long ElapsedNanoseconds(long startTimestamp) =>
        (long)((Stopwatch.GetTimestamp() - startTimestamp) * NanosecondsPerTick);

    /// <summary>Signals every worker to finish; connects that are queued or under way are abandoned at once.</summary>
    public void Stop()
    {
        if (_stopped.TrySetResult())
        {
            _stopping.Cancel();
        }
    }

    public void RampStepDone()
    {
        if (Interlocked.Decrement(ref _rampPending) == 0)
        {
            _rampDone.TrySetResult();
        }
    }

    public void RecordLatency(int worker, long nanoseconds) =>
        _latencyStripes[worker % _latencyStripes.Length].Record(nanoseconds);

    public void SnapshotLatency(LatencyHistogram target)
    {
        target.Clear();
        foreach (var stripe in _latencyStripes)
        {
            target.Add(stripe);
        }
    }

    public void RecordError(LoadErrorKind kind, string message)
    {
        Interlocked.Increment(ref _errors[(int)kind]);
        Interlocked.CompareExchange(ref _firstErrorMessages[(int)kind], message, null);
    }

    public long TotalErrors()
    {
        long total = 0;
        for (var i = 0; i < _errors.Length; i++)
        {
            total += Volatile.Read(ref _errors[i]);
        }

        return total;
    }

    public Dictionary<LoadErrorKind, long> ErrorsByKind()
    {
        var errors = new Dictionary<LoadErrorKind, long>();
        foreach (var kind in Enum.GetValues<LoadErrorKind>())
        {
            var count = Volatile.Read(ref _errors[(int)kind]);
            if (count > 0)
            {
                errors[kind] = count;
            }
        }

        return errors;
    }

    public Dictionary<LoadErrorKind, string> FirstErrorMessages()
    {
        var messages = new Dictionary<LoadErrorKind, string>();
        foreach (var kind in Enum.GetValues<LoadErrorKind>())
        {
            if (Volatile.Read(ref _firstErrorMessages[(int)kind]) is { } message)
            {
                messages[kind] = message;
            }
        }

        return messages;
    }

    public void ConnectionOpened() => Interlocked.Increment(ref _openConnections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _openConnections);

    /// <summary>
    /// Connects within the connect timeout, or records why not and returns null. Also returns null, without counting
    /// an error, when the run stops first: a ramp queued behind an unreachable target must not hold up the stop.
    /// </summary>
    /// <param name="throttled">Whether this connect counts against the ramp concurrency (the first connect of each
    /// long-lived connection does; reconnects and connect-storm cycles do not).</param>
    public async Task<Socket?> TryConnectAsync(bool throttled)
    {
        if (throttled)
        {
            try
            {
                await _rampThrottle.WaitAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        var socket = LoadTarget.CreateSocket(Target);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(Options.ConnectTimeout);
            await socket.ConnectAsync(Target, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
            if (!Stopping)
            {
                RecordError(LoadErrorKind.ConnectTimeout, $"no connection within {Options.ConnectTimeout.TotalSeconds:0.###} s");
            }

            return null;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var kind = e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => LoadErrorKind.ConnectRefused,
                SocketError.TimedOut => LoadErrorKind.ConnectTimeout,
                _ => LoadErrorKind.ConnectFailed,
            };
            RecordError(kind, $"{e.SocketErrorCode}: {e.Message}");
            return null;
        }
        finally
        {
            if (throttled)
            {
                _rampThrottle.Release();
            }
        }
    }

    /// <summary>Waits a little before a worker retries after a failure, so a dead target is not hammered.</summary>
    public Task BackoffAsync() => Task.WhenAny(Task.Delay(Backoff), _stopped.Task);
}
