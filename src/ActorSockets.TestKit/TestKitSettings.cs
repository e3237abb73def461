namespace ActorSockets.TestKit;

/// <summary>
/// TestKit timing, read from <c>actorsockets.test</c>. Every timeout the TestKit uses is multiplied by
/// <see cref="TimeFactor"/>, so a slow CI machine can be given more time without touching the tests.
/// </summary>
public sealed class TestKitSettings
{
    /// <summary>The settings with every default.</summary>
    public static TestKitSettings Default { get; } = new();

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
}
