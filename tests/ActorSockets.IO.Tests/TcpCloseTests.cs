using System.Net.Sockets;
using Akka.Actor;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

public abstract class TcpCloseTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager)
{
    [Fact]
    public async Task Close_WithPendingWrite_FlushesThenClosedReachesHandlerAndCommander()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe commander = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        byte[] payload = RandomBytes(8 * 1024 * 1024, seed: 11);
        Watch(connection);

        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(payload)), handler.Ref);
        connection.Tell(Tcp.Close.Instance, commander.Ref);

        Assert.Equal(payload, await client.ReadExactlyAsync(payload.Length, TimeSpan.FromSeconds(30)));
        await client.ExpectEndOfStreamAsync();
        await handler.ExpectMsgAsync<Tcp.Closed>();
        await commander.ExpectMsgAsync<Tcp.Closed>();
        await ExpectTerminatedAsync(connection);
    }

    [SocketsOnlyFact("Akka.IO does not refuse writes after a Close with CommandFailed (observed)")]
    public async Task Close_AfterClose_WritesAreRefused()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        var write = Tcp.Write.Create(ByteString.FromString("late"));

        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(new byte[16 * 1024 * 1024])), handler.Ref);
        connection.Tell(Tcp.Close.Instance, handler.Ref);
        connection.Tell(write, handler.Ref);

        Assert.Same(write, (await handler.ExpectMsgAsync<Tcp.CommandFailed>()).Cmd);
        await client.ReadToEndAsync(TimeSpan.FromSeconds(30));
        await handler.ExpectMsgAsync<Tcp.Closed>();
    }

    [Fact]
    public async Task ConfirmedClose_WaitsForThePeersFinThenConfirmedClosed()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        connection.Tell(Tcp.ConfirmedClose.Instance, handler.Ref);
        await client.ExpectEndOfStreamAsync();
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        await client.SendAsync("last words");
        client.ShutdownSend();

        Assert.Equal("last words", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
        await handler.ExpectMsgAsync<Tcp.ConfirmedClosed>();
    }

    [SocketsOnlyFact("Akka.IO does not deliver to the commander data read after a ConfirmedClose before Register (observed)")]
    public async Task ConfirmedClose_BeforeRegister_WhatThePeerSendsGoesToTheCommanderNotDeadLetters()
    {
        TestProbe bindHandler = CreateTestProbe();
        TestProbe commander = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);
        var (connection, client) = await AcceptAsync(bindHandler, address);
        using RawClient _ = client;

        await EventFilter.DeadLetter<Tcp.Received>().ExpectAsync(0, async () =>
        {
            await client.SendAsync("unasked");
            connection.Tell(Tcp.ConfirmedClose.Instance, commander.Ref);
            await client.ExpectEndOfStreamAsync();
            client.ShutdownSend();

            Assert.Equal("unasked", (await commander.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
            await commander.ExpectMsgAsync<Tcp.ConfirmedClosed>();
        });
    }

    [Fact]
    public async Task ConfirmedClose_FromAnotherActor_HandlerAndCommanderGetConfirmedClosed()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe commander = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        connection.Tell(Tcp.ConfirmedClose.Instance, commander.Ref);
        await client.ExpectEndOfStreamAsync();
        client.ShutdownSend();

        await handler.ExpectMsgAsync<Tcp.ConfirmedClosed>();
        await commander.ExpectMsgAsync<Tcp.ConfirmedClosed>();
    }

    [Fact]
    public async Task Abort_FromAnotherActor_HandlerAndCommanderGetAborted()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe commander = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        connection.Tell(Tcp.Abort.Instance, commander.Ref);

        await handler.ExpectMsgAsync<Tcp.Aborted>();
        await commander.ExpectMsgAsync<Tcp.Aborted>();
    }

    [SocketsOnlyFact("Akka.IO does not tell both handler and commander ErrorClosed when the peer resets during ConfirmedClose (observed)")]
    public async Task ConfirmedClose_PeerResetsInsteadOfFin_HandlerAndCommanderGetErrorClosed()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe commander = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);

        connection.Tell(Tcp.ConfirmedClose.Instance, commander.Ref);
        await client.ExpectEndOfStreamAsync();
        client.Reset();

        Tcp.ErrorClosed closed = await handler.ExpectMsgAsync<Tcp.ErrorClosed>();
        Assert.Equal(closed, await commander.ExpectMsgAsync<Tcp.ErrorClosed>());
    }

    [Fact]
    public async Task Abort_PeerSeesResetAndHandlerGetsAborted()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;

        connection.Tell(Tcp.Abort.Instance, handler.Ref);

        await handler.ExpectMsgAsync<Tcp.Aborted>();
        SocketException error = await Assert.ThrowsAsync<SocketException>(() => client.ReadToEndAsync());
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }

    [Fact]
    public async Task PeerHalfClose_WithoutKeepOpen_PeerClosedAndConnectionStops()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        using RawClient _ = client;
        Watch(connection);

        client.ShutdownSend();

        Tcp.PeerClosed closed = await handler.ExpectMsgAsync<Tcp.PeerClosed>();
        Assert.True(closed.IsPeerClosed);
        await ExpectTerminatedAsync(connection);
        await client.ExpectEndOfStreamAsync();
    }

    [SocketsOnlyFact("Akka.IO closes with a reset (RST) here where ours sends FIN after the data")]
    public async Task PeerHalfClosed_StoppedWhileAWriteIsStillGoingOut_PeerSeesEndOfStreamNotReset()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler, keepOpenOnPeerClosed: true);
        using RawClient _ = client;
        client.ShutdownSend();
        await handler.ExpectMsgAsync<Tcp.PeerClosed>();

        // The peer reads nothing yet, so most of the 32 MB is still being sent when the connection is stopped
        // from outside (as by a stopping listener): the socket must still close with FIN, not RST.
        connection.Tell(Tcp.Write.Create(ByteString.FromBytes(new byte[32 * 1024 * 1024])), handler.Ref);
        Watch(connection);
        connection.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(connection);

        long received = await client.ReadToEndAsync(TimeSpan.FromSeconds(30));
        Assert.InRange(received, 1, 32 * 1024 * 1024 - 1);
    }

    [Fact]
    public async Task PeerHalfClose_WithKeepOpen_ConnectionStillWritesUntilClose()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler, keepOpenOnPeerClosed: true);
        using RawClient _ = client;

        await client.SendAsync("question");
        client.ShutdownSend();
        Assert.Equal("question", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
        await handler.ExpectMsgAsync<Tcp.PeerClosed>();
        connection.Tell(Tcp.Write.Create(ByteString.FromString("answer")), handler.Ref);
        connection.Tell(Tcp.Close.Instance, handler.Ref);

        Assert.Equal("answer", await client.ReadStringAsync(6));
        await client.ExpectEndOfStreamAsync();
        await handler.ExpectMsgAsync<Tcp.Closed>();
    }

    [SocketsOnlyFact("ErrorClosed's cause text differs: Akka.IO gives the exception message, ours the SocketError name")]
    public async Task PeerReset_HandlerGetsErrorClosedWithTheCause()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        Watch(connection);

        client.Reset();

        Tcp.ErrorClosed closed = await handler.ExpectMsgAsync<Tcp.ErrorClosed>();
        Assert.True(closed.IsErrorClosed);
        Assert.Contains("ConnectionReset", closed.Cause, StringComparison.Ordinal);
        await ExpectTerminatedAsync(connection);
    }

    [SocketsOnlyFact("checks our log line (level and text); Akka.IO logs differently")]
    public async Task PeerReset_IsLoggedAtDebugNotError()
    {
        TestProbe handler = CreateTestProbe();
        var (connection, client) = await ConnectedPairAsync(handler);
        Watch(connection);

        // The Error filter is active for the whole scenario, up to the connection's stop.
        await EventFilter.Error().ExpectAsync(0, async () =>
        {
            await EventFilter.Debug(contains: "was reset by the peer").ExpectOneAsync(async () =>
            {
                client.Reset();
                await handler.ExpectMsgAsync<Tcp.ErrorClosed>();
            });
            await ExpectTerminatedAsync(connection);
        });
    }
}

/// <summary>Runs <see cref="TcpCloseTests"/> against Akka's own manager.</summary>
public sealed class TcpCloseTestsOnAkka(ITestOutputHelper output) : TcpCloseTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpCloseTests"/> against ActorSockets' manager.</summary>
public sealed class TcpCloseTestsOnSockets(ITestOutputHelper output) : TcpCloseTests(output, IoManager.Sockets);
