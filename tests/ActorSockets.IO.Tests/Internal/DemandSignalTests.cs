using ActorSockets.IO.Internal;

namespace ActorSockets.IO.Tests.Internal;

public class DemandSignalTests
{
    [Fact]
    public async Task WaitAsync_GrantedBefore_CompletesAtOnceWithTrue()
    {
        var signal = new DemandSignal();
        signal.Grant();

        ValueTask<bool> wait = signal.WaitAsync();

        Assert.True(wait.IsCompleted);
        Assert.True(await wait);
    }

    [Fact]
    public async Task WaitAsync_GrantedAfter_CompletesWithTrue()
    {
        var signal = new DemandSignal();
        ValueTask<bool> wait = signal.WaitAsync();
        Assert.False(wait.IsCompleted);

        signal.Grant();

        Assert.True(await wait);
    }

    [Fact]
    public async Task Grant_Counts_EachWaitTakesOnePermit()
    {
        var signal = new DemandSignal();
        signal.Grant(2);

        Assert.True(await signal.WaitAsync());
        Assert.True(await signal.WaitAsync());
        ValueTask<bool> third = signal.WaitAsync();

        Assert.False(third.IsCompleted);
        signal.Close();
        Assert.False(await third);
    }

    [Fact]
    public async Task Close_AfterPermits_LaterWaitsReturnFalse()
    {
        var signal = new DemandSignal();
        signal.Grant(3);
        signal.Close();
        signal.Grant();

        Assert.False(await signal.WaitAsync());
        Assert.True(signal.IsClosed);
    }

    [Fact]
    public async Task GrantAndWait_RacingOnTwoThreads_NoPermitIsLost()
    {
        const int Permits = 20_000;
        var signal = new DemandSignal();
        Task granter = Task.Run(() =>
        {
            for (int i = 0; i < Permits; i++)
            {
                signal.Grant();
            }
        });

        int taken = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (taken < Permits && !timeout.IsCancellationRequested)
        {
            Assert.True(await signal.WaitAsync());
            taken++;
        }

        await granter;
        Assert.Equal(Permits, taken);
    }
}
