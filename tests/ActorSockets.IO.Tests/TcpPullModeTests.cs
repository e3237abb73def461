using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>Pull mode when more than one read's worth is waiting: the read size comes from the system's config.</summary>
public abstract class TcpPullModeTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager, """
        akka.io.tcp.receive-buffer-size = 1 KiB
        akka.io.tcp.maximum-frame-size = 1 KiB
        actorsockets.io.tcp.receive-buffer-size = 1 KiB
        """)
{
    private const int ReadSize = 1024;

    [Fact]
    public async Task PullMode_TenReadsWaiting_OneReceivedPerResumeReadingEachAtMostTheReadSize()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler, pullMode: true);
        using RawClient _ = client;
        byte[] payload = RandomBytes(10 * ReadSize, seed: 12);
        await client.SendAsync(payload);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));

        var arrived = new MemoryStream();
        int grants = 0;
        while (arrived.Length < payload.Length)
        {
            connection.Tell(Tcp.ResumeReading.Instance, handler.Ref);
            grants++;
            Tcp.Received received = await handler.ExpectMsgAsync<Tcp.Received>();
            Assert.InRange(received.Data.Count, 1, ReadSize);
            arrived.Write(received.Data.ToReadOnlySpan());
            await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal(payload, arrived.ToArray());
        Assert.True(grants >= payload.Length / ReadSize, $"{grants} grants for {payload.Length} bytes");
    }
}

/// <summary>Runs <see cref="TcpPullModeTests"/> against Akka's own manager.</summary>
public sealed class TcpPullModeTestsOnAkka(ITestOutputHelper output) : TcpPullModeTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpPullModeTests"/> against ActorSockets' manager.</summary>
public sealed class TcpPullModeTestsOnSockets(ITestOutputHelper output) : TcpPullModeTests(output, IoManager.Sockets);
