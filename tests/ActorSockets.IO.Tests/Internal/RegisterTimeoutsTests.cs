using ActorSockets.IO.Internal;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.IO.Tests.Internal;

public class RegisterTimeoutsTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public async Task Sweep_BeforeDue_TellsNothingAndKeepsSweeping()
    {
        TestProbe sweeper = CreateTestProbe();
        TestProbe connection = CreateTestProbe();
        var timeouts = new RegisterTimeouts(TimeSpan.FromSeconds(30), sweeper.Ref);

        timeouts.Start(connection.Ref);

        Assert.True(timeouts.SweepOverdue());
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, timeouts.Queued);
    }

    [Fact]
    public async Task Sweep_AfterDue_TellsTheConnectionOnceAndStopsSweeping()
    {
        TestProbe sweeper = CreateTestProbe();
        TestProbe connection = CreateTestProbe();
        var timeouts = new RegisterTimeouts(TimeSpan.FromMilliseconds(50), sweeper.Ref);

        timeouts.Start(connection.Ref);

        // Sweeps until the wait falls due: the first sweep that finds it overdue tells and drops it.
        await AwaitAssertAsync(() => Assert.False(timeouts.SweepOverdue()), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        await connection.ExpectMsgAsync(TcpConnection.RegisterTimedOut.Instance);
        Assert.Equal(connection.Ref, connection.LastSender);
        Assert.False(timeouts.SweepOverdue());
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, timeouts.Queued);
    }

    [Fact]
    public async Task Sweep_SettledWait_TellsNothingAndDropsIt()
    {
        TestProbe sweeper = CreateTestProbe();
        TestProbe connection = CreateTestProbe();
        var timeouts = new RegisterTimeouts(TimeSpan.FromSeconds(30), sweeper.Ref);

        timeouts.Start(connection.Ref).Settle();

        Assert.False(timeouts.SweepOverdue());
        Assert.Equal(0, timeouts.Queued);
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Start_WakesTheSweeperOnlyWhenIdle()
    {
        TestProbe sweeper = CreateTestProbe();
        var timeouts = new RegisterTimeouts(TimeSpan.FromSeconds(30), sweeper.Ref);

        RegisterWait first = timeouts.Start(CreateTestProbe().Ref);
        RegisterWait second = timeouts.Start(CreateTestProbe().Ref);
        await sweeper.ExpectMsgAsync(RegisterTimeouts.Sweep.Instance);
        await sweeper.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        first.Settle();
        second.Settle();
        Assert.False(timeouts.SweepOverdue());
        timeouts.Start(CreateTestProbe().Ref);

        await sweeper.ExpectMsgAsync(RegisterTimeouts.Sweep.Instance);
    }

    [Fact]
    public void Start_SettledWaitsAtTheHead_AreDroppedWithoutASweep()
    {
        var timeouts = new RegisterTimeouts(TimeSpan.FromSeconds(30), CreateTestProbe().Ref);
        for (int i = 0; i < 100; i++)
        {
            timeouts.Start(CreateTestProbe().Ref).Settle();
        }

        timeouts.Start(CreateTestProbe().Ref);

        Assert.Equal(1, timeouts.Queued);
    }

    [Theory]
    [InlineData(10_000, 1_000)]
    [InlineData(5_000, 500)]
    [InlineData(300, 30)]
    [InlineData(20, 10)]
    public void SweepInterval_IsATenthOfTheTimeoutBetween10MsAnd1S(int timeoutMs, int expectedMs)
    {
        var timeouts = new RegisterTimeouts(TimeSpan.FromMilliseconds(timeoutMs), CreateTestProbe().Ref);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), timeouts.SweepInterval);
    }
}
