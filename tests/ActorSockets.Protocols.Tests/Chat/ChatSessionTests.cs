using ActorSockets.Protocols.Chat;
using ActorSockets.Protocols.Tests.Sessions;
using Akka.Actor;
using Akka.IO;
using Akka.TestKit;
using static ActorSockets.Protocols.Tests.Sessions.SessionAssertions;

namespace ActorSockets.Protocols.Tests.Chat;

public sealed class ChatSessionTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly ChatSettings Settings = ChatSettings.Default with { CloseTimeout = TimeSpan.FromSeconds(2) };

    private IActorRef? _registry;

    private IActorRef Registry => _registry ??= Sys.ActorOf(ChatRegistry.CreateProps(Settings));

    /// <summary>Starts a member whose connection is a probe, and acknowledges its greeting.</summary>
    /// <param name="guest">The guest number the member is greeted with.</param>
    /// <param name="settings">The member's chat settings.</param>
    /// <param name="seeReads">Whether the probe shows the session registering and asking for reads (<see cref="Tcp.ResumeReading"/>); the first of each is consumed here.</param>
    private async Task<(IActorRef Session, TestProbe Connection)> JoinAsync(int guest, ChatSettings? settings = null, bool seeReads = false)
    {
        var connection = seeReads ? CreateTestProbe() : this.CreateConnectionProbe();
        var session = Sys.ActorOf(ChatSession.CreateProps(connection.Ref, Registry, settings ?? Settings));
        if (seeReads)
        {
            Assert.Equal(session, (await connection.ExpectMsgAsync<Tcp.Register>()).Handler);
            await connection.ExpectMsgAsync<Tcp.ResumeReading>();
        }

        await connection.ExpectWriteAndAckAsync(
            $"*** Welcome to the chat, guest-{guest}! You are in room lobby. Type /help for the commands.\r\n");
        return (session, connection);
    }

    [Fact]
    public async Task Line_FromAMember_GoesToTheOthersAsNickAndText()
    {
        var (alice, aliceConnection) = await JoinAsync(1);
        var (_, bobConnection) = await JoinAsync(2);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");

        alice.Send(Received("hello bob\r\n"), aliceConnection);

        await bobConnection.ExpectWriteAndAckAsync("[guest-1] hello bob\r\n");
        await aliceConnection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Input_BeforeJoined_IsKeptAndHandledAfterwards()
    {
        var (_, aliceConnection) = await JoinAsync(1);
        var bobConnection = this.CreateConnectionProbe();
        var bob = Sys.ActorOf(ChatSession.CreateProps(bobConnection.Ref, Registry, Settings));
        bob.Send(Received("early bird\n"), bobConnection);

        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");
        await aliceConnection.ExpectWriteAndAckAsync("[guest-2] early bird\r\n");
    }

    [Fact]
    public async Task Commands_NickWhoMsgHelp_AnswerTheMember()
    {
        var (alice, aliceConnection) = await JoinAsync(1);
        var (bob, bobConnection) = await JoinAsync(2);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");

        alice.Send(Received("/nick alice\n"), aliceConnection);
        await aliceConnection.ExpectWriteAndAckAsync("*** You are now known as alice\r\n");
        await bobConnection.ExpectWriteAndAckAsync("*** guest-1 is now known as alice\r\n");

        bob.Send(Received("/nick Alice\n"), bobConnection);
        await bobConnection.ExpectWriteAndAckAsync("*** Error: the nick Alice is already in use\r\n");

        bob.Send(Received("/nick not valid\n"), bobConnection);
        await bobConnection.ExpectWriteAndAckAsync("*** Error: a nick cannot contain spaces\r\n");

        bob.Send(Received("/who\n"), bobConnection);
        await bobConnection.ExpectWriteAndAckAsync("*** 2 in lobby: alice, guest-2\r\n");

        bob.Send(Received("/msg alice psst\n"), bobConnection);
        await aliceConnection.ExpectWriteAndAckAsync("*guest-2* psst\r\n");
        await bobConnection.ExpectWriteAndAckAsync("-> *alice* psst\r\n");

        bob.Send(Received("/msg carol hi\n"), bobConnection);
        await bobConnection.ExpectWriteAndAckAsync("*** Error: no such nick: carol\r\n");

        bob.Send(Received("/me waves\n"), bobConnection);
        await aliceConnection.ExpectWriteAndAckAsync("* guest-2 waves\r\n");

        bob.Send(Received("/help\n"), bobConnection);
        var help = await bobConnection.ExpectMsgAsync<Tcp.Write>();
        Assert.StartsWith("*** Commands:", help.Data.ToUtf8(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_WithAnsiAndTelnetNegotiation_ArrivesClean()
    {
        var (alice, aliceConnection) = await JoinAsync(1);
        var (_, bobConnection) = await JoinAsync(2);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");

        var telnetAndAnsi = ByteString.FromBytes([0xFF, 0xFB, 0x01, .. "\u001b[31mred\u0007 text\r\n"u8]);
        alice.Send(new Tcp.Received(telnetAndAnsi), aliceConnection);

        await bobConnection.ExpectWriteAndAckAsync("[guest-1] red text\r\n");
    }

    [Fact]
    public async Task Line_TooLong_IsRejectedWithAMessage()
    {
        var (alice, aliceConnection) = await JoinAsync(1, Settings with { MaxLineLength = 16 });

        alice.Send(Received(new string('x', 40) + "\n"), aliceConnection);

        await aliceConnection.ExpectWriteAndAckAsync("*** Error: line too long (max 16 bytes)\r\n");
    }

    [Fact]
    public async Task Quit_Typed_SaysByeClosesAndTheRoomIsTold()
    {
        var (alice, aliceConnection) = await JoinAsync(1);
        var (_, bobConnection) = await JoinAsync(2);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");
        Watch(alice);

        alice.Send(Received("/quit\n"), aliceConnection);

        await aliceConnection.ExpectWriteAndAckAsync("*** Bye!\r\n");
        await aliceConnection.ExpectCloseAndConfirmAsync();
        await ExpectTerminatedAsync(alice);
        await bobConnection.ExpectWriteAndAckAsync("*** guest-1 left lobby (quit)\r\n");
    }

    [Fact]
    public async Task NickWhoAndQuit_InOneRead_AreAllAnsweredBeforeByeAndClose()
    {
        var (alice, aliceConnection) = await JoinAsync(1);
        var (_, bobConnection) = await JoinAsync(2);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");
        Watch(alice);

        alice.Send(Received("/nick alice\n/who\n/quit\n"), aliceConnection);

        // The answers come back from the registry and the room after the session has read /quit; it waits for them.
        var written = new System.Text.StringBuilder();
        while (!written.ToString().Contains("*** Bye!", StringComparison.Ordinal))
        {
            var write = await aliceConnection.ExpectMsgAsync<Tcp.Write>();
            written.Append(write.Data.ToString(System.Text.Encoding.UTF8));
            aliceConnection.Reply(write.Ack);
        }

        // /nick goes through the registry and /who straight to the room, so their answers may come in either order.
        var lines = written.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("*** You are now known as alice", lines);
        Assert.Contains(lines, line => line.StartsWith("*** 2 in lobby: ", StringComparison.Ordinal));
        Assert.Equal("*** Bye!", lines[^1]);
        await aliceConnection.ExpectCloseAndConfirmAsync();
        await ExpectTerminatedAsync(alice);
        await bobConnection.ExpectWriteAndAckAsync("*** guest-1 is now known as alice\r\n");
        await bobConnection.ExpectWriteAndAckAsync("*** alice left lobby (quit)\r\n");
    }

    [Fact]
    public async Task IdleTimeout_Fires_TellsTheMemberAndTheRoom()
    {
        var (_, aliceConnection) = await JoinAsync(1);
        var (_, bobConnection) = await JoinAsync(2, Settings with { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");

        await bobConnection.ExpectWriteAndAckAsync("*** You were idle for too long; closing the connection.\r\n");
        await bobConnection.ExpectCloseAndConfirmAsync();
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 left lobby (idle timeout)\r\n");
    }

    [Fact]
    public async Task ServerShutdown_Member_GetsNoticeThenCloseAndRoomGetsReason()
    {
        var (_, aliceConnection) = await JoinAsync(1);
        var (bob, bobConnection) = await JoinAsync(2);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");

        bob.Tell(ServerShutdown.Instance);

        await bobConnection.ExpectWriteAndAckAsync("*** The server is shutting down. Bye!\r\n");
        await bobConnection.ExpectCloseAndConfirmAsync();
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 left lobby (server shutdown)\r\n");
    }

    [Fact]
    public async Task SlowMember_QueueFull_IsAbortedAndTheRoomToldWhileOthersGetEverything()
    {
        var slowSettings = Settings with { OutboundMaxMessages = 3 };
        var (alice, aliceConnection) = await JoinAsync(1);
        var (slow, slowConnection) = await JoinAsync(2, slowSettings);
        var (_, carolConnection) = await JoinAsync(3);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-3 joined lobby\r\n");
        await slowConnection.ExpectWriteAsync("*** guest-3 joined lobby\r\n");
        Watch(slow);

        // The slow member's write above is never acknowledged: its next lines queue up, and the
        // fourth one that does not fit drops it. Carol acknowledges and reads every line.
        for (var i = 1; i <= 5; i++)
        {
            alice.Send(Received($"line {i}\n"), aliceConnection);
        }

        // Carol reads all five lines, in order, and (interleaved at some point) the drop notice.
        const string dropped = "*** guest-2 left lobby (dropped: not reading)";
        var carolLines = await carolConnection.ReadLinesAsync(6);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"[guest-1] line {i}").ToArray(), carolLines.Where(l => l != dropped).ToArray());
        Assert.Contains(dropped, carolLines);

        await slowConnection.ExpectMsgAsync<Tcp.Abort>();
        slowConnection.Reply(Tcp.Aborted.Instance);
        await ExpectTerminatedAsync(slow);
        Assert.Contains(dropped, await aliceConnection.ReadLinesAsync(1));
    }

    [Fact]
    public async Task QueuedLines_WhileWriting_AreCoalescedIntoOneWriteAfterTheAck()
    {
        var (alice, aliceConnection) = await JoinAsync(1);
        var (_, bobConnection) = await JoinAsync(2);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");

        alice.Send(Received("one\ntwo\nthree\n"), aliceConnection);

        var first = await bobConnection.ExpectWriteAsync("[guest-1] one\r\n");
        bobConnection.Reply(first.Ack);
        await bobConnection.ExpectWriteAndAckAsync("[guest-1] two\r\n[guest-1] three\r\n");
    }

    [Fact]
    public async Task PeerClosed_WithPartialLine_SaysItThenLeavesWithConnectionClosed()
    {
        var (_, aliceConnection) = await JoinAsync(1);
        var (bob, bobConnection) = await JoinAsync(2);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");
        Watch(bob);

        bob.Send(Received("last words"), bobConnection);
        bob.Send(Tcp.PeerClosed.Instance, bobConnection);

        await aliceConnection.ExpectWriteAndAckAsync("[guest-2] last words\r\n");
        await bobConnection.ExpectCloseAndConfirmAsync();
        await ExpectTerminatedAsync(bob);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 left lobby (connection closed)\r\n");
    }

    [Fact]
    public async Task Flood_BeyondTheBurst_PausesReadingAndHandlesTheRestAtTheRate()
    {
        var (_, aliceConnection) = await JoinAsync(1);
        var (flooder, flooderConnection) = await JoinAsync(2, Settings with { LineBurst = 5, LinesPerSecond = 50 }, seeReads: true);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        flooder.Send(Received(string.Concat(Enumerable.Range(1, 15).Select(i => $"flood {i}\n"))), flooderConnection);

        // The next read is asked for only once the waiting lines are handled: five at once, ten at 50 per second.
        await flooderConnection.ExpectMsgAsync<Tcp.ResumeReading>();
        var pausedFor = stopwatch.Elapsed;
        var lines = await aliceConnection.ReadLinesAsync(15);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"[guest-2] flood {i}").ToArray(), lines);
        Assert.True(pausedFor >= TimeSpan.FromMilliseconds(150), $"read again after {pausedFor.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Line_WithinTheBurst_NextReadAskedForAtOnce()
    {
        var (_, aliceConnection) = await JoinAsync(1);
        var (bob, bobConnection) = await JoinAsync(2, seeReads: true);
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");

        bob.Send(Received("hi\n"), bobConnection);

        await bobConnection.ExpectMsgAsync<Tcp.ResumeReading>(TimeSpan.FromMilliseconds(500));
        await aliceConnection.ExpectWriteAndAckAsync("[guest-2] hi\r\n");
    }

    [Fact]
    public async Task PeerClosed_WhileLinesWaitForFloodControl_SaysThemAllFirst()
    {
        var (_, aliceConnection) = await JoinAsync(1);
        var (paster, pasterConnection) = await JoinAsync(2, Settings with { LineBurst = 2, LinesPerSecond = 1 });
        await aliceConnection.ExpectWriteAndAckAsync("*** guest-2 joined lobby\r\n");

        paster.Send(Received("a\nb\nc\nd\n"), pasterConnection);
        paster.Send(Tcp.PeerClosed.Instance, pasterConnection);

        var lines = await aliceConnection.ReadLinesAsync(5);
        Assert.Equal(["[guest-2] a", "[guest-2] b", "[guest-2] c", "[guest-2] d", "*** guest-2 left lobby (connection closed)"], lines);
    }
}
