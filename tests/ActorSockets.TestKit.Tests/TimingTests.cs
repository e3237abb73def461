using System.Diagnostics;
using ActorSockets.Actors;
using Xunit.Abstractions;

namespace ActorSockets.TestKit.Tests;

public sealed class TimingTests(ITestOutputHelper output) : TestKit(output: output)
{
    [Fact]
    public async Task AwaitAssertAsync_EventuallyPasses_Returns()
    {
        var attempts = 0;
        await AwaitAssertAsync(() => Assert.True(++attempts >= 3), interval: TimeSpan.FromMilliseconds(10));
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task AwaitAssertAsync_NeverPasses_FailsWithLastAssertion()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            AwaitAssertAsync(() => Assert.Equal(1, 2), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20)));
        Assert.Contains("The assertion still failed after", e.Message);
        Assert.IsType<Xunit.Sdk.EqualException>(e.InnerException);
    }

    [Fact]
    public async Task AwaitConditionAsync_NeverTrue_FailsWithHint()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            AwaitConditionAsync(() => false, TimeSpan.FromMilliseconds(100), message: "queue drained"));
        Assert.Contains("The condition [queue drained] was still false after", e.Message);
    }

    [Fact]
    public async Task AwaitConditionAsync_BecomesTrue_Returns()
    {
        var flag = 0;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(50), () => Volatile.Write(ref flag, 1));
        await AwaitConditionAsync(() => Volatile.Read(ref flag) == 1);
    }

    [Fact]
    public async Task WithinAsync_ExpectationsInside_DefaultToRemainingTime()
    {
        var start = Stopwatch.GetTimestamp();
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            WithinAsync(TimeSpan.FromMilliseconds(200), () => ExpectMsgAsync<string>()));
        Assert.InRange(Stopwatch.GetElapsedTime(start), TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Contains("received nothing", e.Message);
    }

    [Fact]
    public async Task WithinAsync_BlockTooFast_FailsOnMinimum()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            WithinAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => Task.CompletedTask));
        Assert.Contains("sooner than the minimum", e.Message);
    }

    [Fact]
    public async Task WithinAsync_BlockInTime_Passes()
    {
        await WithinAsync(TimeSpan.FromSeconds(2), async () =>
        {
            TestActor.Tell("x");
            await ExpectMsgAsync("x");
        });
    }
}

public sealed class TimeFactorTests(ITestOutputHelper output)
    : TestKit("actorsockets.test { timefactor = 3.0, single-expect-default = 100ms }", output)
{
    [Fact]
    public void Dilated_MultipliesByTimeFactor()
    {
        Assert.Equal(3.0, TestKitSettings.TimeFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(300), Dilated(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task ExpectMsgAsync_DefaultTimeout_IsDilated()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>());
        Assert.Contains("within 300 ms", e.Message);
    }
}
