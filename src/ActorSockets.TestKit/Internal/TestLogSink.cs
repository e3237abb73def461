using System.Globalization;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorSockets.TestKit.Internal;

/// <summary>
/// Receives every log line of the system under test: lines matched by an active event filter are
/// counted and kept out of the output; the rest go to the test's output (until the test ends).
/// </summary>
internal sealed class TestLogSink(ITestOutputHelper? output, LogLevel minimumLevel) : ILoggerProvider
{
    private readonly object _gate = new();
    private readonly List<LogInterceptor> _interceptors = [];
    private ITestOutputHelper? _output = output;

    public LogLevel MinimumLevel { get; } = minimumLevel;

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    public void Add(LogInterceptor interceptor)
    {
        lock (_gate)
        {
            _interceptors.Add(interceptor);
        }
    }

    public void Remove(LogInterceptor interceptor)
    {
        lock (_gate)
        {
            _interceptors.Remove(interceptor);
        }
    }

    public void Detach()
    {
        lock (_gate)
        {
            _output = null;
        }
    }

    public void Dispose() => Detach();

    private void Write(LogEntry entry)
    {
        ITestOutputHelper? target;
        lock (_gate)
        {
            foreach (var interceptor in _interceptors)
            {
                if (interceptor.TryIntercept(entry))
                {
                    return;
                }
            }
            target = _output;
        }
        if (target is null)
        {
            return;
        }
        try
        {
            target.WriteLine($"{DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {entry}");
        }
        catch (InvalidOperationException)
        {
            // The test has already finished; xunit refuses output from then on.
        }
    }

    private sealed class SinkLogger(TestLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= sink.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            sink.Write(new LogEntry(logLevel, category, formatter(state, exception), exception));
        }
    }
}

/// <summary>An active event filter: counts (and mutes) the log lines it matches.</summary>
internal sealed class LogInterceptor(Func<LogEntry, bool> matches)
{
    private readonly List<LogEntry> _matched = [];

    public int Count
    {
        get
        {
            lock (_matched)
            {
                return _matched.Count;
            }
        }
    }

    public IReadOnlyList<LogEntry> Matched
    {
        get
        {
            lock (_matched)
            {
                return [.. _matched];
            }
        }
    }

    public bool TryIntercept(LogEntry entry)
    {
        if (!matches(entry))
        {
            return false;
        }
        lock (_matched)
        {
            _matched.Add(entry);
        }
        return true;
    }
}
