using ActorSockets.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorSockets.TestKit;

/// <summary>
/// TestKit timing, read from <c>actorsockets.test</c>. Every timeout the TestKit uses is multiplied by
/// <see cref="TimeFactor"/>, so a slow CI machine can be given more time without touching the tests.
/// </summary>
public sealed class TestKitSettings
{
    private static readonly Lazy<Config> _reference = new(() => ConfigFactory.Load(null, typeof(TestKitSettings).Assembly));

    /// <summary>The settings with every default (from the TestKit's embedded <c>reference.conf</c>).</summary>
    public static TestKitSettings Default { get; } = FromConfig(Config.Empty);

    /// <summary>Multiplier for every timeout (<c>actorsockets.test.timefactor</c>). Defaults to 1.0.</summary>
    public double TimeFactor { get; init; } = 1.0;

    /// <summary>How long an expectation waits when given no timeout. Defaults to 3 s.</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long <c>ExpectNoMsgAsync</c> watches when given no duration. Defaults to 100 ms.</summary>
    public TimeSpan ExpectNoMessageDefault { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long <c>AwaitAssertAsync</c> and <c>AwaitConditionAsync</c> retry when given no duration. Defaults to 3 s.</summary>
    public TimeSpan AwaitDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long disposing the TestKit may take to terminate the system before the test fails. Defaults to 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The most messages a test actor holds before it drops (and the next expectation fails). Defaults to 100,000.</summary>
    public int QueueCapacity { get; init; } = 100_000;

    /// <summary>How much of the system's logging reaches the test output (<c>actorsockets.test.log-level</c>). Defaults to Debug.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Debug;

    /// <summary>Reads <c>actorsockets.test</c> from <paramref name="config"/> over the TestKit's defaults.</summary>
    public static TestKitSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var test = config.WithFallback(_reference.Value).Resolve().GetConfig("actorsockets.test");
        var factor = test.GetDouble("timefactor");
        if (factor <= 0)
        {
            throw new ConfigException($"actorsockets.test.timefactor must be positive, not {factor}.");
        }
        return new TestKitSettings
        {
            TimeFactor = factor,
            SingleExpectDefault = test.GetTimeSpan("single-expect-default"),
            ExpectNoMessageDefault = test.GetTimeSpan("expect-no-message-default"),
            AwaitDefault = test.GetTimeSpan("await-default"),
            ShutdownTimeout = test.GetTimeSpan("shutdown-timeout"),
            QueueCapacity = test.GetInt("queue-capacity"),
            LogLevel = Enum.TryParse<LogLevel>(test.GetString("log-level"), ignoreCase: true, out var level)
                ? level
                : throw new ConfigException($"actorsockets.test.log-level \"{test.GetString("log-level")}\" is not a log level."),
        };
    }
}
