using Akka.Actor;
using ActorSockets.IO.Internal;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.Event;
using Akka.IO;

namespace ActorSockets.IO.Tests;

public abstract class TcpConnectionTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager, """
        akka.io.tcp.register-timeout = 1 s
        actorsockets.io.tcp { register-timeout = 1 s, write-queue-limit = 64 KiB }
        """)
{
    [Fact]
    public async Task CompoundWrite_TwoParts_BothArriveInOrderAndEachPartIsAcknowledged()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        Tcp.WriteCommand compound = Tcp.Write.Create(ByteString.FromString("first,"), new Ack(1))
            .Append(Tcp.Write.Create(ByteString.FromString("second"), new Ack(2)));
        connection.Tell(compound, handler.Ref);

        Assert.Equal("first,second", await client.ReadStringAsync("first,second".Length));
        Assert.Equal(new Ack(1), await handler.ExpectMsgAsync<Ack>());
        Assert.Equal(new Ack(2), await handler.ExpectMsgAsync<Ack>());
    }

    [Fact]
    public async Task Register_ThenPeerSends_HandlerGetsReceivedFromTheConnection()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        await client.SendAsync("hello");

        Tcp.Received received = await handler.ExpectMsgAsync<Tcp.Received>();
        Assert.Equal("hello", received.Data.ToString());
        Assert.Equal(connection, handler.LastSender);
    }

    [Fact]
    public async Task BeforeRegister_NothingIsRead_ThenRegisterDeliversIt()
    {
        TestProbe bindHandler = CreateTestProbe();
        TestProbe handler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);
        var (connection, client) = await AcceptAsync(bindHandler, address);
        using RawClient _ = client;

        await client.SendAsync("early");
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        connection.Tell(new Tcp.Register(handler.Ref), handler.Ref);

        Assert.Equal("early", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
    }

    [SocketsOnlyFact("Akka.IO does not take writes before Register (the connection is reset)")]
    public async Task Write_BeforeRegister_IsSentAndAcknowledged()
    {
        TestProbe bindHandler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);
        var (connection, client) = await AcceptAsync(bindHandler, address);
        using RawClient _ = client;

        connection.Tell(Tcp.Write.Create(ByteString.FromString("welcome"), new Ack(1)), TestActor);

        Assert.Equal("welcome", await client.ReadStringAsync(7));
        Assert.Equal(new Ack(1), await ExpectMsgAsync<Ack>());
    }

    [SocketsOnlyFact("Akka.IO closes with a reset (RST) here where ours sends FIN after the data")]
    public async Task RegisterTimeout_NoRegister_ClosesTheSocket()
    {
        TestProbe bindHandler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);
        var (connection, client) = await AcceptAsync(bindHandler, address);
        using RawClient _ = client;
        Watch(connection);

        await ExpectTerminatedAsync(connection, TimeSpan.FromSeconds(5));
        await client.ExpectEndOfStreamAsync();
    }

    [SocketsOnlyFact("checks our log line (level and text); Akka.IO logs differently")]
    public async Task RegisterTimeout_IsLoggedAsWarning()
    {
        TestProbe bindHandler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);

        await EventFilter.Warning(contains: "was not registered within").ExpectOneAsync(async () =>
        {
            var (_, client) = await AcceptAsync(bindHandler, address);
            using RawClient _ = client;
            await client.ExpectEndOfStreamAsync();
        });
    }

    [SocketsOnlyFact("Akka.IO answers ResumeWriting only after it refused a write; with nothing refused it never sends WritingResumed")]
    public async Task ResumeWriting_NothingPending_WritingResumedAtOnce()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        connection.Tell(Tcp.ResumeWriting.Instance, handler.Ref);

        await handler.ExpectMsgAsync<Tcp.WritingResumed>();
    }

    [SocketsOnlyFact("Akka 1.5 queues writes behind a pending one (write-commands-queue-max-size) instead of refusing them with CommandFailed")]
    public async Task Write_QueueFullWithoutResumeWriting_OnlyTheOverflowingWriteIsRefused()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler, useResumeWriting: false);
        using RawClient _ = client;
        byte[] big = RandomBytes(32 * 1024 * 1024, seed: 5);
        var tooMuch = Tcp.Write.Create(ByteString.FromBytes(new byte[65 * 1024]));

        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(big)), handler.Ref);
        connection.Tell(tooMuch, handler.Ref);
        connection.Tell(Tcp.Write.Create(ByteString.FromString("fits"), new Ack(9)), handler.Ref);

        Assert.Same(tooMuch, (await handler.ExpectMsgAsync<Tcp.CommandFailed>()).Cmd);
        byte[] arrived = await client.ReadExactlyAsync(big.Length + 4, TimeSpan.FromSeconds(30));
        Assert.Equal(new Ack(9), await handler.ExpectMsgAsync<Ack>());
        Assert.Equal("fits"u8.ToArray(), arrived[big.Length..]);
    }

    [SocketsOnlyFact("Akka 1.5 queues writes behind a pending one (write-commands-queue-max-size) instead of refusing them with CommandFailed")]
    public async Task Write_ManyEmptyWritesBehindAPendingOne_CountAgainstTheQueueLimit()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        // The peer reads nothing, so the big write stays in flight and every empty write has to queue.
        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(new byte[32 * 1024 * 1024])), handler.Ref);
        for (int i = 0; i < 10_000; i++)
        {
            connection.Tell(Tcp.Write.Create(ByteString.Empty, new Ack(i)), handler.Ref);
        }

        Tcp.CommandFailed refused = await handler.ExpectMsgAsync<Tcp.CommandFailed>();
        Assert.Equal(0, Assert.IsType<Tcp.Write>(refused.Cmd).Data.Count);
    }

    [Fact]
    public async Task Write_WithAck_AckComesAfterTheBytesAreSent()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        connection.Tell(Tcp.Write.Create(ByteString.FromString("one"), new Ack(1)), handler.Ref);
        connection.Tell(Tcp.Write.Create(ByteString.FromString("two")), handler.Ref);
        connection.Tell(Tcp.Write.Create(ByteString.Empty, new Ack(2)), handler.Ref);

        Assert.Equal(new Ack(1), await handler.ExpectMsgAsync<Ack>());
        Assert.Equal(new Ack(2), await handler.ExpectMsgAsync<Ack>());
        Assert.Equal("onetwo", await client.ReadStringAsync(6));
    }

    [Fact]
    public async Task Write_TenMegabytes_ArrivesWholeAndInOrder()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        byte[] payload = RandomBytes(10 * 1024 * 1024, seed: 7);

        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(payload), new Ack(1)), handler.Ref);
        byte[] arrived = await client.ReadExactlyAsync(payload.Length, TimeSpan.FromSeconds(30));

        Assert.Equal(payload, arrived);
        Assert.Equal(new Ack(1), await handler.ExpectMsgAsync<Ack>());
    }

    [SocketsOnlyFact("Akka 1.5 queues writes behind a pending one (write-commands-queue-max-size) instead of refusing them with CommandFailed")]
    public async Task Write_WhileQueueIsFull_NackedThenResumeWritingResumes()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        byte[] big = RandomBytes(32 * 1024 * 1024, seed: 1);
        var tooMuch = Tcp.Write.Create(ByteString.FromBytes(new byte[65 * 1024]), new Ack(3));
        var afterNack = Tcp.Write.Create(ByteString.FromString("x"), new Ack(4));

        // The peer reads nothing, so 32 MB cannot all reach the kernel: it stays in flight.
        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(big), new Ack(1)), handler.Ref);
        connection.Tell(Tcp.Write.Create(ByteString.FromString("queued"), new Ack(2)), handler.Ref);
        connection.Tell(tooMuch, handler.Ref);
        connection.Tell(afterNack, handler.Ref);

        Assert.Same(tooMuch, (await handler.ExpectMsgAsync<Tcp.CommandFailed>()).Cmd);
        Assert.Same(afterNack, (await handler.ExpectMsgAsync<Tcp.CommandFailed>()).Cmd);
        connection.Tell(Tcp.ResumeWriting.Instance, handler.Ref);
        Task<byte[]> reading = client.ReadExactlyAsync(big.Length + 6, TimeSpan.FromSeconds(30));
        Assert.Equal(new Ack(1), await handler.ExpectMsgAsync<Ack>(TimeSpan.FromSeconds(30)));
        Assert.Equal(new Ack(2), await handler.ExpectMsgAsync<Ack>());
        await handler.ExpectMsgAsync<Tcp.WritingResumed>();
        byte[] arrived = await reading;
        Assert.Equal(big, arrived[..big.Length]);
        Assert.Equal("queued"u8.ToArray(), arrived[big.Length..]);

        connection.Tell(Tcp.Write.Create(ByteString.FromString("after"), new Ack(5)), handler.Ref);
        Assert.Equal(new Ack(5), await handler.ExpectMsgAsync<Ack>());
        Assert.Equal("after", await client.ReadStringAsync(5));
    }

    [SocketsOnlyFact("Akka 1.5 queues writes behind a pending one (write-commands-queue-max-size) instead of refusing them with CommandFailed")]
    public async Task ResumeWriting_TwoRequestersWhileWritesPending_BothGetWritingResumed()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe other = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        byte[] big = RandomBytes(32 * 1024 * 1024, seed: 8);
        var tooMuch = Tcp.Write.Create(ByteString.FromBytes(new byte[65 * 1024]));

        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(big)), handler.Ref);
        connection.Tell(tooMuch, handler.Ref);
        Assert.Same(tooMuch, (await handler.ExpectMsgAsync<Tcp.CommandFailed>()).Cmd);
        connection.Tell(Tcp.ResumeWriting.Instance, handler.Ref);
        connection.Tell(Tcp.ResumeWriting.Instance, other.Ref);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal(big, await client.ReadExactlyAsync(big.Length, TimeSpan.FromSeconds(30)));
        await handler.ExpectMsgAsync<Tcp.WritingResumed>();
        await other.ExpectMsgAsync<Tcp.WritingResumed>();
    }

    [SocketsOnlyFact("sends our connection's internal register-timeout message")]
    public async Task RegisterTimedOut_ArrivingAfterRegister_IsIgnored()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe unhandled = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));

        // What the mailbox holds when the timer fires just as Register arrives: its message, behind Register.
        connection.Tell(TcpConnection.RegisterTimedOut.Instance, connection);
        await client.SendAsync("still open");

        Assert.Equal("still open", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
        await unhandled.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task SuspendReading_ThenResume_NothingIsLost()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        await client.SendAsync("a");
        Assert.Equal("a", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());

        connection.Tell(Tcp.SuspendReading.Instance, handler.Ref);
        byte[] payload = RandomBytes(256 * 1024, seed: 3);
        await client.SendAsync(payload);
        client.ShutdownSend();
        connection.Tell(Tcp.ResumeReading.Instance, handler.Ref);

        Assert.Equal(payload, await ReceiveBytesAsync(handler, payload.Length));
        await handler.ExpectMsgAsync<Tcp.PeerClosed>();
    }

    [SocketsOnlyFact("Akka.IO answers ResumeWriting only after it refused a write; with nothing refused it never sends WritingResumed")]
    public async Task SuspendReading_PeerSends_NothingArrivesUntilResumeReadingThenAllOfIt()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        await client.SendAsync("a");
        Assert.Equal("a", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());

        connection.Tell(Tcp.SuspendReading.Instance, handler.Ref);
        connection.Tell(Tcp.ResumeWriting.Instance, handler.Ref);
        await handler.ExpectMsgAsync<Tcp.WritingResumed>(); // so the suspension has been processed

        // The read that was already waiting for data may still deliver once (documented); after it, nothing.
        await client.SendAsync("b");
        List<Tcp.Received?> early = await handler.ReceiveWhileAsync(
            m => m as Tcp.Received, max: TimeSpan.FromMilliseconds(300)).ToListAsync();
        Assert.True(early.Count <= 1, $"{early.Count} reads while suspended");
        byte[] payload = RandomBytes(256 * 1024, seed: 4);
        await client.SendAsync(payload);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        connection.Tell(Tcp.ResumeReading.Instance, handler.Ref);
        byte[] expected = early.Count == 0 ? [(byte)'b', .. payload] : payload;
        Assert.Equal(expected, await ReceiveBytesAsync(handler, expected.Length));
    }

    [Fact]
    public async Task PullMode_EachResumeReading_DeliversExactlyOneReceived()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler, pullMode: true);
        using RawClient _ = client;

        await client.SendAsync("first");
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        connection.Tell(Tcp.ResumeReading.Instance, handler.Ref);
        Assert.Equal("first", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());

        await client.SendAsync("second");
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        connection.Tell(Tcp.ResumeReading.Instance, handler.Ref);
        Assert.Equal("second", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [SocketsOnlyFact("Akka.IO closes with a reset (RST) here where ours sends FIN after the data")]
    public async Task HandlerStops_SocketIsClosedAndPeerSeesEndOfStream()
    {
        IActorRef handler = Sys.ActorOf(Props.Create<StoppableHandler>());
        TestProbe bindHandler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);
        var (connection, client) = await AcceptAsync(bindHandler, address);
        using RawClient _ = client;
        connection.Tell(new Tcp.Register(handler), handler);
        Watch(connection);

        Sys.Stop(handler);

        await ExpectTerminatedAsync(connection);
        await client.ExpectEndOfStreamAsync();
    }


    private sealed class StoppableHandler : ReceiveActor
    {
        public StoppableHandler() => ReceiveAny(_ => { });
    }
}

/// <summary>Runs <see cref="TcpConnectionTests"/> against Akka's own manager.</summary>
public sealed class TcpConnectionTestsOnAkka(ITestOutputHelper output) : TcpConnectionTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpConnectionTests"/> against ActorSockets' manager.</summary>
public sealed class TcpConnectionTestsOnSockets(ITestOutputHelper output) : TcpConnectionTests(output, IoManager.Sockets);
