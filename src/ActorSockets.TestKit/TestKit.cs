using ActorSockets.Actors;
using ActorSockets.Actors.Internal;
using ActorSockets.Hocon;
using ActorSockets.TestKit.Internal;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace ActorSockets.TestKit;

/// <summary>
/// The base class of behavioural actor tests with xunit. Each test gets its own actor system whose
/// logs go to the test output; <see cref="TestKitBase.TestActor"/> is the implicit sender of
/// <c>Tell</c> in the test's code; disposing the test terminates the system and fails the test if that
/// takes longer than <see cref="TestKitSettings.ShutdownTimeout"/>.
/// </summary>
public abstract class TestKit : TestKitBase, IAsyncLifetime, IDisposable
{
    private int _probeCounter;
    private int _disposed;

    /// <summary>
    /// Creates a system configured by <paramref name="hocon"/> (over the runtime's and the TestKit's
    /// defaults; <c>actorsockets.test</c> tunes the TestKit), logging to <paramref name="output"/>.
    /// </summary>
    protected TestKit(string? hocon = null, ITestOutputHelper? output = null)
        : this(TestKitSetup.FromHocon(hocon, output))
    {
    }

    /// <summary>Creates a system with <paramref name="settings"/>, logging to <paramref name="output"/>.</summary>
    protected TestKit(ActorSystemSettings settings, ITestOutputHelper? output = null, TestKitSettings? testKitSettings = null)
        : this(TestKitSetup.FromSettings(settings, testKitSettings ?? TestKitSettings.Default, output))
    {
    }

    private TestKit(TestKitSetup setup)
        : base(setup.System, setup.TestKitSettings, "testActor")
    {
        LogSink = setup.Sink;
        LoggerFactory = setup.LoggerFactory;
        EventFilter = new EventFilterFactory(this);
        ActorCell.SetAmbientSender(TestActor);
    }

    /// <summary>Assertions on what the system logs.</summary>
    public EventFilterFactory EventFilter { get; }

    internal TestLogSink LogSink { get; }

    private ILoggerFactory LoggerFactory { get; }

    /// <summary>Creates a probe: another test actor with its own queue.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, TestKitSettings, name ?? $"testProbe{Interlocked.Increment(ref _probeCounter)}");

    /// <summary>Runs before the test; nothing to do.</summary>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Terminates the system, failing the test if that takes longer than the shutdown timeout.</summary>
    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        var timeout = Dilated(TestKitSettings.ShutdownTimeout);
        try
        {
            var terminate = Sys.Terminate();
            if (await Task.WhenAny(terminate, Task.Delay(timeout)).ConfigureAwait(false) != terminate)
            {
                throw new TestKitAssertionException($"The actor system {Sys.Name} did not terminate within {timeout.TotalMilliseconds:0} ms.");
            }
        }
        finally
        {
            LogSink.Detach();
            LoggerFactory.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Starts terminating the system if <see cref="DisposeAsync"/> has not run (it waits; this does not).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts terminating the system if <see cref="DisposeAsync"/> has not run.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = Sys.Terminate();
            LogSink.Detach();
        }
    }

    private sealed record TestKitSetup(ActorSystem System, TestKitSettings TestKitSettings, TestLogSink Sink, ILoggerFactory LoggerFactory)
    {
        public static TestKitSetup FromHocon(string? hocon, ITestOutputHelper? output)
        {
            var config = string.IsNullOrWhiteSpace(hocon) ? Config.Empty : ConfigFactory.ParseString(hocon, "TestKit");
            return FromSettings(ActorSystemSettings.FromConfig(config), TestKitSettings.FromConfig(config), output);
        }

        public static TestKitSetup FromSettings(ActorSystemSettings settings, TestKitSettings testKitSettings, ITestOutputHelper? output)
        {
            var sink = new TestLogSink(output, testKitSettings.LogLevel);
            var factory = new LoggerFactory([sink], new LoggerFilterOptions { MinLevel = testKitSettings.LogLevel });
            var system = ActorSystem.Create("test", settings, factory);
            return new TestKitSetup(system, testKitSettings, sink, factory);
        }
    }
}
