using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorSockets.LoadTool.Tests;

public partial class LoadProgressTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The progress line as the README describes it: elapsed seconds, phase, rate, p99, errors, open connections.</summary>
    [GeneratedRegex(@"^\[\s*(?<elapsed>\d+\.\d)s\] (?<phase>ramp|warmup|measure|stop)\s+(?<rate>[\d,]+) (?<unit>round trips|connects|opens)/s  p99\s+(?<p99>\d+(\.\d+)? (ns|µs|ms|s))  errors (?<errors>\d+)  open (?<open>\d+)$")]
    private static partial Regex ProgressLine();

    [Fact]
    public async Task RunAsync_WithProgressWriter_WritesALineEverySecondAndStopsWhenTheRunEnds()
    {
        await using var server = new TestEchoServer();
        var progress = new StringWriter(CultureInfo.InvariantCulture);
        var synchronized = TextWriter.Synchronized(progress);
        var hooks = new LoadHooks { Progress = synchronized };
        var options = new LoadOptions
        {
            Port = server.Port,
            Connections = 4,
            Warmup = TimeSpan.Zero,
            Duration = TimeSpan.FromSeconds(2.5),
            ConnectTimeout = TimeSpan.FromSeconds(2),
        };
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await LoadGenerator.RunAsync(options, hooks).WaitAsync(TestTimeout);
        var runTime = started.Elapsed;
        var linesAtEnd = Lines(synchronized, progress);

        Assert.Empty(result.Errors);
        var matches = linesAtEnd.Select(line => ProgressLine().Match(line)).ToList();
        Assert.All(matches, (match, i) => Assert.True(match.Success, $"not a progress line: '{linesAtEnd[i]}'"));
        Assert.InRange(matches.Count, 2, (int)Math.Ceiling(runTime.TotalSeconds) + 1);
        var elapsed = matches.Select(m => double.Parse(m.Groups["elapsed"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(elapsed[0], 0.5, 2.0);
        for (var i = 1; i < elapsed.Count; i++)
        {
            // About one a second: the timer never fires twice for one second, and a late tick is not made up.
            Assert.InRange(elapsed[i] - elapsed[i - 1], 0.5, 2.0);
        }

        Assert.Contains(matches, m => m.Groups["phase"].Value == "measure" && m.Groups["rate"].Value != "0");
        Assert.All(matches, m => Assert.Equal("round trips", m.Groups["unit"].Value));
        Assert.All(matches, m => Assert.Equal("0", m.Groups["errors"].Value));
        Assert.Contains(matches, m => m.Groups["open"].Value == "4");

        // Over: no line after the run, however long one waits (1.5 ticks of the monitor's timer).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(linesAtEnd, Lines(synchronized, progress));
    }

    [Fact]
    public void Readme_ProgressExample_HasTheFieldsTheToolWrites()
    {
        var example = LoadToolReadme.Text.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("[ ", StringComparison.Ordinal));

        Assert.Matches(ProgressLine(), example);
    }

    /// <summary>What has been written so far; the synchronized writer's methods lock on itself, so this does too.</summary>
    private static List<string> Lines(TextWriter synchronized, StringWriter written)
    {
        lock (synchronized)
        {
            return [.. written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
        }
    }
}
