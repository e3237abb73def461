namespace ActorSockets.LoadTool.Tests;

public class LatencyHistogramTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(127L)]
    [InlineData(128L)]
    [InlineData(129L)]
    [InlineData(255L)]
    [InlineData(256L)]
    [InlineData(1_000L)]
    [InlineData(123_456_789L)]
    [InlineData(LatencyHistogram.HighestTrackableValue)]
    public void BucketIndexOf_AnyValue_LiesWithinItsBucketBounds(long value)
    {
        var index = LatencyHistogram.BucketIndexOf(value);

        Assert.InRange(index, 0, LatencyHistogram.BucketCount - 1);
        Assert.InRange(value, LatencyHistogram.LowestValueAt(index), LatencyHistogram.HighestValueAt(index));
    }

    [Fact]
    public void Buckets_Consecutive_TileTheRangeWithoutGapsOrOverlap()
    {
        for (var i = 1; i < LatencyHistogram.BucketCount; i++)
        {
            Assert.Equal(LatencyHistogram.HighestValueAt(i - 1) + 1, LatencyHistogram.LowestValueAt(i));
        }

        Assert.Equal(LatencyHistogram.HighestTrackableValue, LatencyHistogram.HighestValueAt(LatencyHistogram.BucketCount - 1));
    }

    [Fact]
    public void Buckets_AboveTheLinearRange_AreNarrowerThanOneSixtyFourthOfTheirValues()
    {
        for (var i = 128; i < LatencyHistogram.BucketCount; i++)
        {
            var low = LatencyHistogram.LowestValueAt(i);
            var width = LatencyHistogram.HighestValueAt(i) - low + 1;
            Assert.True(width * 64 <= low, $"bucket {i} [{low}, +{width}) is too wide");
        }
    }

    [Fact]
    public void Record_ValuesBeyondTheRange_AreClampedIntoTheEndBuckets()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(-5);
        histogram.Record(long.MaxValue);

        Assert.Equal(2, histogram.TotalCount);
        Assert.Equal(0, histogram.ValueAtPercentile(50));
        Assert.Equal(LatencyHistogram.HighestTrackableValue, histogram.MaxValue);
    }

    [Fact]
    public void ValueAtPercentile_UniformValues_IsWithinBucketPrecision()
    {
        var histogram = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++)
        {
            histogram.Record(v * 1_000);
        }

        AssertClose(50_000_000, histogram.ValueAtPercentile(50));
        AssertClose(99_000_000, histogram.ValueAtPercentile(99));
        AssertClose(99_900_000, histogram.ValueAtPercentile(99.9));
        AssertClose(100_000_000, histogram.MaxValue);
        AssertClose(1_000, histogram.ValueAtPercentile(0));
    }

    [Fact]
    public void ValueAtPercentile_Empty_IsZero()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Equal(0, histogram.MaxValue);
        Assert.Equal(0, histogram.TotalCount);
    }

    [Fact]
    public void ValueAtPercentile_OutOfRange_Throws()
    {
        var histogram = new LatencyHistogram();

        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.ValueAtPercentile(100.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.ValueAtPercentile(-1));
    }

    [Fact]
    public void Subtract_EarlierSnapshot_LeavesOnlyTheValuesRecordedSince()
    {
        var running = new LatencyHistogram();
        for (var i = 0; i < 1_000; i++)
        {
            running.Record(100);
        }

        var snapshot = new LatencyHistogram();
        snapshot.CopyFrom(running);
        for (var i = 0; i < 10; i++)
        {
            running.Record(5_000_000);
        }

        var interval = new LatencyHistogram();
        interval.CopyFrom(running);
        interval.Subtract(snapshot);

        Assert.Equal(10, interval.TotalCount);
        AssertClose(5_000_000, interval.ValueAtPercentile(50));
        Assert.Equal(1_010, running.TotalCount);
    }

    [Fact]
    public void Add_TwoHistograms_MergesTheirCounts()
    {
        var fast = new LatencyHistogram();
        var slow = new LatencyHistogram();
        for (var i = 0; i < 90; i++)
        {
            fast.Record(1_000);
        }

        for (var i = 0; i < 10; i++)
        {
            slow.Record(1_000_000);
        }

        var merged = new LatencyHistogram();
        merged.Add(fast);
        merged.Add(slow);

        Assert.Equal(100, merged.TotalCount);
        AssertClose(1_000, merged.ValueAtPercentile(90));
        AssertClose(1_000_000, merged.ValueAtPercentile(91));
    }

    [Fact]
    public async Task Record_FromManyThreads_CountsEveryValue()
    {
        var histogram = new LatencyHistogram();
        const int Threads = 4;
        const int PerThread = 100_000;

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                histogram.Record(1_000 + t);
            }
        })));

        Assert.Equal(Threads * PerThread, histogram.TotalCount);
    }

    [Fact]
    public void Clear_AfterRecording_Empties()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(42);

        histogram.Clear();

        Assert.Equal(0, histogram.TotalCount);
    }

    private static void AssertClose(long expected, long actual) =>
        Assert.InRange(actual, expected - (expected / 64) - 1, expected + (expected / 64) + 1);
}
