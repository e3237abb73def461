using System.Net;
using ActorSockets.IO.Internal;
using Akka.Event;

namespace ActorSockets.IO.Tests.Internal;

public class UdpDropLogTests
{
    private static readonly IPEndPoint Local = new(IPAddress.Loopback, 9000);
    private static readonly IPEndPoint Peer = new(IPAddress.Loopback, 40000);

    private readonly LineLogger _logger = new();

    private UdpDropLog NewDropLog() => new(_logger, Local, TimeSpan.FromSeconds(5));

    [Fact]
    public void Dropped_FirstDrop_LogsItAtOnceAndStartsTheInterval()
    {
        UdpDropLog log = NewDropLog();

        bool startTimer = log.Dropped(1, Peer, "too big");

        Assert.True(startTimer);
        string line = Assert.Single(_logger.Lines);
        Assert.Contains("dropped a datagram from 127.0.0.1:40000: too big", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Dropped_ManyWithinTheInterval_OnlyTheSummaryCountsThem()
    {
        UdpDropLog log = NewDropLog();
        log.Dropped(1, Peer, "too big");

        for (int i = 0; i < 1000; i++)
        {
            Assert.False(log.Dropped(3, Peer, "too big"));
        }

        Assert.Single(_logger.Lines);
        Assert.True(log.IntervalElapsed());
        Assert.Equal(2, _logger.Lines.Count);
        Assert.Contains("dropped 3000 more datagrams in the last 00:00:05", _logger.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dropped_BatchOpensTheInterval_FirstIsLoggedTheRestSummarised()
    {
        UdpDropLog log = NewDropLog();

        Assert.True(log.Dropped(10, Peer, "too big"));
        log.IntervalElapsed();

        Assert.Equal(2, _logger.Lines.Count);
        Assert.Contains("dropped 9 more datagrams", _logger.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void IntervalElapsed_DropsGoOn_OneSummaryPerIntervalAndTheTimerKeepsRunning()
    {
        UdpDropLog log = NewDropLog();
        log.Dropped(1, Peer, "too big");

        for (int interval = 0; interval < 3; interval++)
        {
            log.Dropped(2, Peer, "too big");
            Assert.True(log.IntervalElapsed());
        }

        Assert.Equal(4, _logger.Lines.Count);
    }

    [Fact]
    public void IntervalElapsed_NoDropsInIt_ClosesTheWindowAndTheNextDropIsLoggedAtOnce()
    {
        UdpDropLog log = NewDropLog();
        log.Dropped(1, Peer, "too big");

        Assert.False(log.IntervalElapsed());
        Assert.True(log.Dropped(1, Peer, "again"));

        Assert.Equal(2, _logger.Lines.Count);
        Assert.Contains("dropped a datagram from 127.0.0.1:40000: again", _logger.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dropped_CountZero_LogsNothing()
    {
        UdpDropLog log = NewDropLog();

        Assert.False(log.Dropped(0, null, "nothing"));

        Assert.Empty(_logger.Lines);
    }

    /// <summary>Keeps every formatted line.</summary>
    private sealed class LineLogger() : LoggingAdapterBase(SemanticLogMessageFormatter.Instance)
    {
        public List<string> Lines { get; } = [];

        public override bool IsDebugEnabled => true;

        public override bool IsInfoEnabled => true;

        public override bool IsWarningEnabled => true;

        public override bool IsErrorEnabled => true;

        protected override void NotifyLog(LogLevel logLevel, object message, Exception? cause) =>
            Lines.Add(message.ToString() ?? "");
    }
}
