using System.Text.Json;

namespace ActorSockets.LoadTool.Tests;

public class LoadReportTests
{
    [Fact]
    public void WriteJson_Result_HasEveryFigureInMachineReadableForm()
    {
        var writer = new StringWriter();

        LoadReport.WriteJson(writer, Result());

        using var json = JsonDocument.Parse(writer.ToString());
        var root = json.RootElement;
        Assert.Equal("echo", root.GetProperty("mode").GetString());
        Assert.Equal("127.0.0.1:7007", root.GetProperty("target").GetString());
        Assert.Equal(1_000, root.GetProperty("operations").GetInt64());
        Assert.Equal(500.0, root.GetProperty("operationsPerSecond").GetDouble());
        Assert.InRange(root.GetProperty("latencyNanoseconds").GetProperty("p99").GetInt64(), 2_000_000, 2_040_000);
        Assert.Equal(3, root.GetProperty("errors").GetProperty("Reset").GetInt64());
        Assert.Equal(1, root.GetProperty("mismatches").GetInt64());
        Assert.Equal(4, root.GetProperty("errorCount").GetInt64());
        Assert.Equal("reset by peer", root.GetProperty("firstErrorMessages").GetProperty("Reset").GetString());
    }

    [Fact]
    public void WriteTable_Result_ShowsRateLatencyAndErrorsByKind()
    {
        var writer = new StringWriter();

        LoadReport.WriteTable(writer, Result());

        var table = writer.ToString();
        Assert.Contains("round trips/s     500", table, StringComparison.Ordinal);
        Assert.Contains("p50 1.01 ms", table, StringComparison.Ordinal); // 1 ms rounded up to its bucket's upper bound
        Assert.Contains("Reset", table, StringComparison.Ordinal);
        Assert.Contains("(first: reset by peer)", table, StringComparison.Ordinal);
        Assert.Contains("mismatches        1", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999L, "999 ns")]
    [InlineData(1_500L, "1.5 µs")]
    [InlineData(2_340_000L, "2.34 ms")]
    [InlineData(3_000_000_000L, "3 s")]
    public void FormatNanoseconds_PicksAReadableUnit(long nanoseconds, string expected) =>
        Assert.Equal(expected, LoadReport.FormatNanoseconds(nanoseconds));

    private static LoadResult Result()
    {
        var latency = new LatencyHistogram();
        for (var i = 0; i < 1_000; i++)
        {
            latency.Record(i < 980 ? 1_000_000 : 2_000_000);
        }

        return new LoadResult
        {
            Options = new LoadOptions(),
            Measured = TimeSpan.FromSeconds(2),
            Operations = 1_000,
            Latency = latency,
            BytesVerified = 64_000,
            Errors = new Dictionary<LoadErrorKind, long> { [LoadErrorKind.Reset] = 3, [LoadErrorKind.Mismatch] = 1 },
            FirstErrorMessages = new Dictionary<LoadErrorKind, string> { [LoadErrorKind.Reset] = "reset by peer" },
            OpenConnections = 100,
        };
    }
}
