using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>write-queue-limit = 0: Akka's strict contract, one write at a time.</summary>
public abstract class TcpStrictWriteTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager, "actorsockets.io.tcp.write-queue-limit = 0")
{
    [SocketsOnlyFact("Akka 1.5 queues writes behind a pending one (write-commands-queue-max-size) instead of refusing them with CommandFailed")]
    public async Task Write_WhileOneIsPending_CommandFailedThenResumeWritingResumes()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        byte[] big = RandomBytes(32 * 1024 * 1024, seed: 21);
        var second = Tcp.Write.Create(ByteString.FromString("second"), new Ack(2));

        // The peer reads nothing yet, so 32 MB cannot all reach the kernel: it stays in flight.
        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(big), new Ack(1)), handler.Ref);
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

    [SocketsOnlyFact("Akka 1.5 queues writes behind a pending one (write-commands-queue-max-size) instead of refusing them with CommandFailed")]
    public async Task Write_EmptyWhileOneIsPending_IsRefusedToo()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        Tcp.Write empty = Tcp.Write.Create(ByteString.Empty, new Ack(2));

        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(new byte[32 * 1024 * 1024]), new Ack(1)), handler.Ref);
        connection.Tell(empty, handler.Ref);

        Assert.Same(empty, (await handler.ExpectMsgAsync<Tcp.CommandFailed>()).Cmd);
    }
}

/// <summary>Runs <see cref="TcpStrictWriteTests"/> against Akka's own manager.</summary>
public sealed class TcpStrictWriteTestsOnAkka(ITestOutputHelper output) : TcpStrictWriteTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpStrictWriteTests"/> against ActorSockets' manager.</summary>
public sealed class TcpStrictWriteTestsOnSockets(ITestOutputHelper output) : TcpStrictWriteTests(output, IoManager.Sockets);
