using ActorSockets.IO.Tests.Support;
using ActorSockets.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.IO.Tests;

/// <summary>write-queue-limit = 0: Akka's strict contract, one write at a time.</summary>
public class TcpStrictWriteTests(ITestOutputHelper output) : IoTestKit(output, new TcpSettings { WriteQueueLimit = 0 })
{
    [Fact]
    public async Task Write_WhileOneIsPending_CommandFailedThenResumeWritingResumes()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        byte[] big = RandomBytes(32 * 1024 * 1024, seed: 21);
        var second = new Tcp.Write(ByteString.FromString("second"), new Ack(2));

        // The peer reads nothing yet, so 32 MB cannot all reach the kernel: it stays in flight.
        connection.Tell(new Tcp.Write(ByteString.FromArrayUnsafe(big), new Ack(1)), handler.Ref);
        connection.Tell(second, handler.Ref);

        Assert.Same(second, (await handler.ExpectMsgAsync<Tcp.CommandFailed>()).Cmd);
        connection.Tell(Tcp.ResumeWriting.Instance, handler.Ref);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.Equal(big, await client.ReadExactlyAsync(big.Length, TimeSpan.FromSeconds(30)));
        Assert.Equal(new Ack(1), await handler.ExpectMsgAsync<Ack>());
        await handler.ExpectMsgAsync<Tcp.WritingResumed>();

        connection.Tell(second, handler.Ref);
        Assert.Equal(new Ack(2), await handler.ExpectMsgAsync<Ack>());
        Assert.Equal("second", await client.ReadStringAsync(6));
    }

    [Fact]
    public async Task Write_EmptyWhileOneIsPending_IsRefusedToo()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        Tcp.Write empty = Tcp.Write.Empty with { Ack = new Ack(2) };

        connection.Tell(new Tcp.Write(ByteString.FromArrayUnsafe(new byte[32 * 1024 * 1024]), new Ack(1)), handler.Ref);
        connection.Tell(empty, handler.Ref);

        Assert.Same(empty, (await handler.ExpectMsgAsync<Tcp.CommandFailed>()).Cmd);
    }

    private sealed record Ack(int Id) : Tcp.Event;
}
