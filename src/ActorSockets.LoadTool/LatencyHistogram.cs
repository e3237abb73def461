using System.Numerics;

namespace ActorSockets.LoadTool;

/// <summary>
/// A latency histogram with HDR-style log-linear buckets: values below 128 are counted exactly, and every
/// power-of-two range above that is split into 64 equal buckets, so a reported value is within 1/64 (about
/// 1.6 %) of the recorded one. Recording is thread-safe and never allocates; histograms can be added and
/// subtracted, which is how per-second and measured-window figures are derived from running totals.
/// </summary>
/// <remarks>The load tool records nanoseconds, so the largest trackable value is about 73 minutes; larger values
/// are counted in the last bucket.</remarks>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBucketCount = 1 << SubBucketBits;
    private const int HalfSubBucketCount = SubBucketCount / 2;

    /// <summary>The largest value counted in its own bucket; larger values are clamped to it.</summary>
    public const long HighestTrackableValue = (1L << 42) - 1;

    internal static readonly int BucketCount = BucketIndexOf(HighestTrackableValue) + 1;

    private readonly long[] _counts = new long[BucketCount];

    /// <summary>Gets the number of recorded values.</summary>
    public long TotalCount
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                total += Volatile.Read(ref _counts[i]);
            }

            return total;
        }
    }

    /// <summary>Gets the largest recorded value, rounded up to its bucket's upper bound; 0 when empty.</summary>
    public long MaxValue
    {
        get
        {
            for (var i = _counts.Length - 1; i >= 0; i--)
            {
                if (Volatile.Read(ref _counts[i]) > 0)
                {
                    return HighestValueAt(i);
                }
            }

            return 0;
        }
    }

    /// <summary>Records one value. Negative values count as 0. Safe to call from many threads at once.</summary>
    public void Record(long value) => Interlocked.Increment(ref _counts[BucketIndexOf(value)]);

    /// <summary>
    /// Returns the value at or below which <paramref name="percentile"/> percent of the recorded values lie,
    /// rounded up to its bucket's upper bound (as HdrHistogram reports it); 0 when the histogram is empty.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100.0);
        var total = TotalCount;
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * total));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return HighestValueAt(i);
            }
        }

        return MaxValue;
    }

    /// <summary>Adds every count of <paramref name="other"/> to this histogram.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += Volatile.Read(ref other._counts[i]);
        }
    }

    /// <summary>
    /// Subtracts the counts of <paramref name="earlier"/>, an earlier snapshot of the same running totals, leaving
    /// only what was recorded between the two snapshots.
    /// </summary>
    public void Subtract(LatencyHistogram earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] = Math.Max(0, _counts[i] - Volatile.Read(ref earlier._counts[i]));
        }
    }

    /// <summary>Removes every recorded value.</summary>
    public void Clear() => Array.Clear(_counts);

    /// <summary>Replaces this histogram's counts with a copy of <paramref name="source"/>'s.</summary>
    public void CopyFrom(LatencyHistogram source)
    {
        ArgumentNullException.ThrowIfNull(source);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] = Volatile.Read(ref source._counts[i]);
        }
    }

    internal static int BucketIndexOf(long value)
    {
        if (value < SubBucketCount)
        {
            return value < 0 ? 0 : (int)value;
        }

        if (value > HighestTrackableValue)
        {
            value = HighestTrackableValue;
        }

        // value >> shift lands in [64, 127]: the top 7 bits of the value pick the bucket.
        var highestBit = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var shift = highestBit - (SubBucketBits - 1);
        return SubBucketCount + ((shift - 1) * HalfSubBucketCount) + (int)(value >> shift) - HalfSubBucketCount;
    }

    internal static long LowestValueAt(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        var shift = ((index - SubBucketCount) / HalfSubBucketCount) + 1;
        long subBucket = ((index - SubBucketCount) % HalfSubBucketCount) + HalfSubBucketCount;
        return subBucket << shift;
    }

    internal static long HighestValueAt(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        var shift = ((index - SubBucketCount) / HalfSubBucketCount) + 1;
        return LowestValueAt(index) + (1L << shift) - 1;
    }
}
