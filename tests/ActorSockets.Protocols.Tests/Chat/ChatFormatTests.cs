using ActorSockets.Protocols.Chat;
using ActorSockets.Protocols.Framing;

namespace ActorSockets.Protocols.Tests.Chat;

public class ChatFormatTests
{
    [Fact]
    public void Greeting_NamesNickRoomAndHelp()
    {
        var greeting = ChatFormat.Greeting("guest-1", "lobby");
        Assert.Contains("guest-1", greeting, StringComparison.Ordinal);
        Assert.Contains("lobby", greeting, StringComparison.Ordinal);
        Assert.Contains("/help", greeting, StringComparison.Ordinal);
    }

    [Fact]
    public void SpeechActionsAndPrivateMessages_HaveTheirShapes()
    {
        Assert.Equal("[alice] hi all", ChatFormat.Message("alice", "hi all"));
        Assert.Equal("[server] maintenance at 5", ChatFormat.ServerMessage("maintenance at 5"));
        Assert.Equal("* alice waves", ChatFormat.Action("alice", "waves"));
        Assert.Equal("*alice* psst", ChatFormat.PrivateMessage("alice", "psst"));
        Assert.Equal("-> *bob* psst", ChatFormat.PrivateMessageSent("bob", "psst"));
    }

    [Theory]
    [InlineData(LeaveReason.Quit, null, "*** bob left lobby (quit)")]
    [InlineData(LeaveReason.Timeout, null, "*** bob left lobby (idle timeout)")]
    [InlineData(LeaveReason.Dropped, null, "*** bob left lobby (dropped: not reading)")]
    [InlineData(LeaveReason.ServerShutdown, null, "*** bob left lobby (server shutdown)")]
    [InlineData(LeaveReason.Disconnected, null, "*** bob left lobby (connection closed)")]
    [InlineData(LeaveReason.Moved, "dev", "*** bob left lobby (moved to dev)")]
    [InlineData(LeaveReason.Moved, null, "*** bob left lobby (moved to another room)")]
    public void Left_SaysReason(LeaveReason reason, string? movedTo, string expected)
    {
        Assert.Equal(expected, ChatFormat.Left("bob", "lobby", reason, movedTo));
    }

    [Fact]
    public void Notices_JoinNickChange()
    {
        Assert.Equal("*** bob joined dev", ChatFormat.Joined("bob", "dev"));
        Assert.Equal("*** guest-2 is now known as bob", ChatFormat.NickChanged("guest-2", "bob"));
        Assert.Equal("*** You are now known as bob", ChatFormat.NickAccepted("bob"));
        Assert.Equal("*** You joined dev (1 member)", ChatFormat.YouJoined("dev", 1));
        Assert.Equal("*** You joined dev (3 members)", ChatFormat.YouJoined("dev", 3));
    }

    [Fact]
    public void Who_ListsSortedCaseInsensitively()
    {
        Assert.Equal("*** 3 in lobby: alice, Bob, carol", ChatFormat.Who("lobby", ["carol", "alice", "Bob"]));
    }

    [Fact]
    public void Rooms_ListsSortedWithCounts()
    {
        Assert.Equal("*** 2 rooms: dev (1), lobby (5)", ChatFormat.Rooms([new("lobby", 5), new("dev", 1)]));
        Assert.Equal("*** 0 rooms", ChatFormat.Rooms([]));
    }

    [Fact]
    public void Help_MentionsEveryCommand_OnCrLfLines()
    {
        var help = ChatFormat.Help();
        foreach (var command in new[] { "/nick", "/who", "/me", "/msg", "/join", "/rooms", "/help", "/quit" })
        {
            Assert.Contains(command, help, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\n", help.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(help.Split("\r\n").Length >= 9);
    }

    [Fact]
    public void Errors_HaveErrorPrefix()
    {
        Assert.Equal("*** Error: no such nick: zed", ChatFormat.NoSuchNick("zed"));
        Assert.Equal("*** Error: the nick bob is already in use", ChatFormat.NickInUse("bob"));
        Assert.Equal("*** Error: you are already in dev", ChatFormat.AlreadyInRoom("dev"));
        Assert.Equal("*** Error: line too long (max 1024 bytes)", ChatFormat.FrameError(FrameError.LineTooLong, 1024));
        Assert.Equal("*** Error: usage: /me ACTION", ChatFormat.Error("usage: /me ACTION"));
    }

    [Fact]
    public void FixedNotices_AreServerNotices()
    {
        Assert.StartsWith(ChatFormat.NoticePrefix, ChatFormat.Goodbye(), StringComparison.Ordinal);
        Assert.StartsWith(ChatFormat.NoticePrefix, ChatFormat.IdleTimeout(), StringComparison.Ordinal);
        Assert.Contains("shutting down", ChatFormat.ServerShuttingDown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_IsUtf8WithCrLf()
    {
        Assert.Equal("[李] 你好\r\n"u8.ToArray(), ChatFormat.Encode("[李] 你好").ToArray());
    }
}
