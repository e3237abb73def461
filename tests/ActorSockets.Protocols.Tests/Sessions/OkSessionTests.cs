using ActorSockets.Protocols.Ok;
using Akka.Actor;
using Akka.IO;
using Akka.TestKit;
using static ActorSockets.Protocols.Tests.Sessions.SessionAssertions;

namespace ActorSockets.Protocols.Tests.Sessions;

public sealed class OkSessionTests : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>Starts an <c>ok</c> session over a connection probe, watched by the test actor.</summary>
    private (IActorRef Session, TestProbe Connection) StartWatched(SessionTimeouts? timeouts = null)
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(OkSession.CreateProps(connection.Ref, OkCodec.Default, timeouts ?? SessionTimeouts.Default));
        Watch(session);
        return (session, connection);
    }

    [Fact]
    public async Task Received_EveryChunk_WritesOk()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(OkSession.CreateProps(connection.Ref, OkCodec.Default, SessionTimeouts.Default));

        session.Send(Received("hello"), connection);
        session.Send(Received("no newline at all"), connection);

        await connection.ExpectWriteAsync("OK");
        await connection.ExpectWriteAsync("OK");
    }

    [Fact]
    public async Task Received_ConfiguredReply_WritesIt()
    {
        var connection = this.CreateConnectionProbe();
        var settings = EndpointSettings.Create("ok", "ok", "reply = \"fine\"");
        var codec = new OkCodec(settings.Config.GetString("reply"), settings.Config.GetString("timeout-notice"));
        var session = Sys.ActorOf(OkSession.CreateProps(connection.Ref, codec, SessionTimeouts.Default));

        session.Send(Received("x"), connection);

        await connection.ExpectWriteAsync("fine");
    }

    [Fact]
    public async Task Close_AfterTraffic_LogsBytesInAndOut()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(OkSession.CreateProps(connection.Ref, OkCodec.Default, SessionTimeouts.Default));
        session.Send(Received("hello"), connection);
        session.Send(Received("abc"), connection);
        await connection.ExpectWriteAsync("OK");
        await connection.ExpectWriteAsync("OK");

        await EventFilter.Info(contains: "8 bytes in, 4 bytes out").ExpectOneAsync(async () =>
        {
            session.Send(Tcp.PeerClosed.Instance, connection);
            await connection.ExpectCloseAndConfirmAsync();
        });
    }

    [Fact]
    public async Task Idle_ForTheTimeout_WritesTimeOutThenClosesAndStops()
    {
        var (session, connection) = StartWatched(new SessionTimeouts(TimeSpan.FromMilliseconds(200)));

        await connection.ExpectWriteAsync("Time out");
        await connection.ExpectCloseAndConfirmAsync();

        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task Idle_InputKeepsItOpen_ThenTimesOut()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(OkSession.CreateProps(connection.Ref, OkCodec.Default, new SessionTimeouts(TimeSpan.FromMilliseconds(300))));

        for (var i = 0; i < 3; i++)
        {
            session.Send(Received("ping"), connection);
            await connection.ExpectWriteAsync("OK");
        }

        await connection.ExpectWriteAsync("Time out");
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task PeerClosed_Anytime_ClosesAndStopsOnceClosed()
    {
        var (session, connection) = StartWatched();

        session.Send(Tcp.PeerClosed.Instance, connection);

        await connection.ExpectCloseAndConfirmAsync();
        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task ErrorClosed_FromTheConnection_StopsAtOnce()
    {
        var (session, connection) = StartWatched();

        session.Send(new Tcp.ErrorClosed("connection reset by peer"), connection);

        await ExpectTerminatedAsync(session);
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task ConnectionActor_Dies_SessionStops()
    {
        var (session, connection) = StartWatched();

        Sys.Stop(connection.Ref);

        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task Write_Refused_AbortsTheConnection()
    {
        var (session, connection) = StartWatched();

        session.Send(new Tcp.CommandFailed(Tcp.Write.Create(Bytes("OK"))), connection);

        await connection.ExpectMsgAsync<Tcp.Abort>();
        connection.Reply(Tcp.Aborted.Instance);
        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task Write_WhileOneIsInFlight_WaitsForTheAckThenSendsTheQueuedOnesInOne()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(OkSession.CreateProps(connection.Ref, OkCodec.Default, SessionTimeouts.Default));

        session.Send(Received("a"), connection);
        session.Send(Received("b"), connection);
        session.Send(Received("c"), connection);
        var first = await connection.ExpectMsgAsync<Tcp.Write>();
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal("OK", first.Data.ToUtf8());
        session.Send(first.Ack, connection);

        await connection.ExpectWriteAsync("OKOK");
    }

    [Fact]
    public async Task Write_PeerNeverAcknowledges_QueueLimitAbortsTheConnection()
    {
        var (session, connection) = StartWatched();

        // One write in flight and 1000 waiting is the limit; the next reply has nowhere to go.
        for (var i = 0; i < 1002; i++)
        {
            session.Send(Received("x"), connection);
        }

        await connection.ExpectMsgAsync<Tcp.Write>();
        await connection.ExpectMsgAsync<Tcp.Abort>();
        connection.Reply(Tcp.Aborted.Instance);
        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task Close_WithWritesQueued_HandsThemToTheConnectionBeforeTheClose()
    {
        var (session, connection) = StartWatched();

        session.Send(Received("a"), connection);
        session.Send(Received("b"), connection);
        session.Send(Received("c"), connection);
        session.Send(Tcp.PeerClosed.Instance, connection);

        Assert.Equal("OK", (await connection.ExpectMsgAsync<Tcp.Write>()).Data.ToUtf8());
        var flushed = await connection.ExpectMsgAsync<Tcp.Write>();
        Assert.Equal("OKOK", flushed.Data.ToUtf8());
        await connection.ExpectCloseAndConfirmAsync();
        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task ServerShutdown_AfterAWrite_ClosesWithFlush()
    {
        var (session, connection) = StartWatched();

        session.Send(Received("x"), connection);
        session.Tell(ServerShutdown.Instance);

        await connection.ExpectWriteAsync("OK");
        await connection.ExpectCloseAndConfirmAsync();
        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task Closing_ConnectionNeverConfirms_StopsAfterCloseTimeout()
    {
        var (session, connection) = StartWatched(new SessionTimeouts(null, TimeSpan.FromMilliseconds(200)));

        session.Send(Tcp.PeerClosed.Instance, connection);
        await connection.ExpectMsgAsync<Tcp.Close>();

        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task Closing_PeerHalfCloses_WaitsForTheFinalCloseEvent()
    {
        var (session, connection) = StartWatched(new SessionTimeouts(TimeSpan.FromMilliseconds(100)));
        await connection.ExpectWriteAsync("Time out");
        await connection.ExpectMsgAsync<Tcp.Close>();

        session.Send(Tcp.PeerClosed.Instance, connection);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        connection.Reply(Tcp.Closed.Instance);

        await ExpectTerminatedAsync(session);
    }
}
