using System.Globalization;
using ActorSockets.IO.Tests.Support;
using Akka.Actor;
using Akka.IO;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.IO.Tests;

/// <summary>
/// The path a write takes: on ours a write to an idle connection goes out in the writer's turn, and that shortcut
/// never reorders writes sent behind a command that went through the connection's mailbox.
/// </summary>
public abstract class TcpWritePathTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager, "")
{
    [SocketsOnlyFact("ours hands a write to an idle connection to the kernel in the writer's turn; Akka.IO's goes through the connection actor")]
    public async Task Write_ToAnIdleRegisteredConnection_IsAcknowledgedBeforeTellReturns_AndArrivesInOrder()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        // Until Register has been handled, writes go through the actor; after that, an idle connection's do not.
        connection.Tell(Tcp.Write.Create(ByteString.FromString("0"), new Ack(0)), handler.Ref);
        await handler.ExpectMsgAsync(new Ack(0));
        var expected = new System.Text.StringBuilder("0");
        var inARow = 0;
        for (var n = 1; n <= 500 && inARow < 20; n++)
        {
            connection.Tell(Tcp.Write.Create(ByteString.FromString($",{n}"), new Ack(n)), handler.Ref);
            expected.Append(CultureInfo.InvariantCulture, $",{n}");
            inARow = handler.HasMessages ? inARow + 1 : 0;
            await handler.ExpectMsgAsync(new Ack(n));
        }

        Assert.Equal(20, inARow);
        Assert.Equal(expected.ToString(), await client.ReadStringAsync(expected.Length));
    }

    [Fact]
    public async Task Writes_InterleavedWithCommandsThroughTheMailbox_ArriveInTheOrderSent()
    {
        // Each round: a compound write (always through the connection's mailbox), then a plain write. On ours the
        // plain write could go out at once in the writer's turn; it must wait for the compound write ahead of it.
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        var expected = new System.Text.StringBuilder();

        for (var n = 0; n < 1000; n++)
        {
            connection.Tell(Tcp.Write.Create(ByteString.FromString($"a{n};")).Append(Tcp.Write.Create(ByteString.FromString($"A{n};"))), handler.Ref);
            connection.Tell(Tcp.Write.Create(ByteString.FromString($"b{n};")), handler.Ref);
            expected.Append(CultureInfo.InvariantCulture, $"a{n};A{n};b{n};");
        }

        Assert.Equal(expected.ToString(), await client.ReadStringAsync(expected.Length));
    }
}

/// <summary>Runs <see cref="TcpWritePathTests"/> against Akka's own manager.</summary>
public sealed class TcpWritePathTestsOnAkka(ITestOutputHelper output) : TcpWritePathTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpWritePathTests"/> against ActorSockets' manager.</summary>
public sealed class TcpWritePathTestsOnSockets(ITestOutputHelper output) : TcpWritePathTests(output, IoManager.Sockets);
