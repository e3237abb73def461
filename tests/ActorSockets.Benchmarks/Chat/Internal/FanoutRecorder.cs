using System.Diagnostics;

namespace ActorSockets.Benchmarks.Chat.Internal;

/// <summary>
/// Records when each message was sent and when each member received it, without any shared write on the
/// delivery path: every member owns its row of timestamps (its k-th delivery is message k, since the room
/// delivers one sender's messages in order). Finished when every member has all messages.
/// </summary>
internal sealed class FanoutRecorder
{
    private readonly long[] _sent;
    private readonly long[][] _received;
    private readonly int[] _counts;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _finishedMembers;

    public FanoutRecorder(int members, int messages)
    {
        Members = members;
        Messages = messages;
        _sent = new long[messages];
        _received = new long[members][];
        for (var i = 0; i < members; i++)
        {
            _received[i] = new long[messages];
        }

        _counts = new int[members];
    }

    public int Members { get; }

    public int Messages { get; }

    public Task Done => _done.Task;

    public int CountOf(int member) => Volatile.Read(ref _counts[member]);

    public void Sent(int message) => _sent[message] = Stopwatch.GetTimestamp();

    /// <summary>Member <paramref name="member"/> received its next <paramref name="count"/> messages now.</summary>
    public void Received(int member, int count = 1)
    {
        var now = Stopwatch.GetTimestamp();
        var row = _received[member];
        var next = _counts[member];
        var end = Math.Min(next + count, Messages);
        for (var k = next; k < end; k++)
        {
            row[k] = now;
        }

        Volatile.Write(ref _counts[member], next + count);
        if (next < Messages && next + count >= Messages && Interlocked.Increment(ref _finishedMembers) == Members)
        {
            _done.TrySetResult();
        }
    }

    public FanoutFigures Figures(string name)
    {
        var delays = new double[Messages];
        long last = 0;
        for (var k = 0; k < Messages; k++)
        {
            long latest = 0;
            foreach (var row in _received)
            {
                latest = Math.Max(latest, row[k]);
            }

            last = Math.Max(last, latest);
            delays[k] = Stopwatch.GetElapsedTime(_sent[k], latest).TotalMilliseconds;
        }

        Array.Sort(delays);
        var seconds = Stopwatch.GetElapsedTime(_sent[0], last).TotalSeconds;
        return new FanoutFigures(
            name,
            (long)Members * Messages,
            (long)Members * Messages / seconds,
            Percentile(delays, 0.50),
            Percentile(delays, 0.99),
            delays[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>One measured run: deliveries per second and the delay from send to the last member's delivery.</summary>
internal sealed record FanoutFigures(string Name, long Deliveries, double DeliveriesPerSecond, double P50Ms, double P99Ms, double MaxMs);
