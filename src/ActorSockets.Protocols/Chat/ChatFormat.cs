using System.Globalization;
using System.Text;
using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Text;
using Akka.IO;

namespace ActorSockets.Protocols.Chat;

/// <summary>
/// Every text the chat sends, in one place, so session and room actors only pick the right method. Each method
/// returns a message without a final line terminator; messages of several lines separate them with CRLF.
/// <see cref="Encode"/> turns a message into the bytes to write (UTF-8 + CRLF); a room encodes a broadcast once
/// and hands the same <see cref="ByteString"/> to every member.
/// </summary>
/// <remarks>
/// Conventions: room speech is <c>[nick] text</c>; actions <c>* nick action</c>; private messages
/// <c>*from* text</c> to the recipient and <c>-&gt; *to* text</c> back to the sender; server notices start with
/// <c>*** </c> and errors with <c>*** Error: </c>. Nicks and rooms passed in must already be valid
/// (<see cref="ChatNames"/>) and text already sanitized (<see cref="TextSanitizer"/>).
/// </remarks>
public static class ChatFormat
{
    /// <summary>The prefix of every server notice.</summary>
    public const string NoticePrefix = "*** ";

    private const string LineBreak = "\r\n";

    private static readonly string HelpText = string.Join(
        LineBreak,
        "*** Commands:",
        "***   /nick NAME       change your nick (1-24 letters, digits, - or _)",
        "***   /who             list the people in this room",
        "***   /me ACTION       show an action, as: * nick ACTION",
        "***   /msg NICK TEXT   send a private message",
        "***   /join ROOM       move to another room (created if needed)",
        "***   /rooms           list the rooms",
        "***   /help            show this help",
        "***   /quit            leave the chat",
        "*** Anything else is said to everyone in your room. Start a line with // to say something beginning with /.");

    /// <summary>The greeting on connect: names the guest nick, the room and <c>/help</c>.</summary>
    public static string Greeting(string nick, string room) =>
        $"*** Welcome to the chat, {nick}! You are in room {room}. Type /help for the commands.";

    /// <summary>Room speech: <c>[nick] text</c>.</summary>
    public static string Message(string nick, string text) => $"[{nick}] {text}";

    /// <summary>A line typed on the host's console: <c>[server] text</c>.</summary>
    public static string ServerMessage(string text) => Message(ChatNames.ServerNick, text);

    /// <summary>An action: <c>* nick action</c>.</summary>
    public static string Action(string nick, string action) => $"* {nick} {action}";

    /// <summary>A private message as its recipient sees it: <c>*from* text</c>.</summary>
    public static string PrivateMessage(string from, string text) => $"*{from}* {text}";

    /// <summary>The sender's confirmation of a private message: <c>-&gt; *to* text</c>.</summary>
    public static string PrivateMessageSent(string to, string text) => $"-> *{to}* {text}";

    /// <summary>The notice to a room that someone arrived: <c>*** nick joined room</c>.</summary>
    public static string Joined(string nick, string room) => $"*** {nick} joined {room}";

    /// <summary>The confirmation to a member who moved with <c>/join</c>: <c>*** You joined dev (3 members)</c>.</summary>
    public static string YouJoined(string room, int memberCount) =>
        $"*** You joined {room} ({Count(memberCount, "member")})";

    /// <summary>The notice to a room that someone left, with the reason: <c>*** nick left lobby (quit)</c>.</summary>
    /// <param name="nick">Who left.</param>
    /// <param name="room">The room left.</param>
    /// <param name="reason">Why.</param>
    /// <param name="movedTo">For <see cref="LeaveReason.Moved"/>, the room moved to.</param>
    public static string Left(string nick, string room, LeaveReason reason, string? movedTo = null) =>
        $"*** {nick} left {room} ({Describe(reason, movedTo)})";

    /// <summary>The notice of a nick change: <c>*** old is now known as new</c>.</summary>
    public static string NickChanged(string oldNick, string newNick) => $"*** {oldNick} is now known as {newNick}";

    /// <summary>To a member whose nick another host gave away at the same moment (the other host keeps it).</summary>
    public static string NickTakenElsewhere(string nick) => $"*** The nick {nick} was taken on another host at the same moment; it stays there";

    /// <summary>To every member of a host that fell too far behind another host and missed its events.</summary>
    public static string MissedFromAnotherHost(long count) =>
        $"*** This server fell behind another host and missed {count.ToString(CultureInfo.InvariantCulture)} of its messages";

    /// <summary>To a member whose <c>/nick</c> the cluster's nick authority did not answer in time (it is moving hosts).</summary>
    public static string NickServiceUnavailable(string nick) =>
        $"*** Error: the nick {nick} could not be confirmed across the hosts just now; try again in a few seconds";

    /// <summary>The confirmation to the member who changed nick.</summary>
    public static string NickAccepted(string nick) => $"*** You are now known as {nick}";

    /// <summary>The <c>/who</c> listing, sorted: <c>*** 3 in lobby: alice, bob, guest-3</c>.</summary>
    public static string Who(string room, IEnumerable<string> nicks)
    {
        ArgumentNullException.ThrowIfNull(nicks);
        var sorted = nicks.Order(ChatNames.Comparer).ToList();
        return $"*** {sorted.Count.ToString(CultureInfo.InvariantCulture)} in {room}: {string.Join(", ", sorted)}";
    }

    /// <summary>The <c>/rooms</c> listing, sorted: <c>*** 2 rooms: dev (2), lobby (5)</c>.</summary>
    public static string Rooms(IEnumerable<RoomSummary> rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        var sorted = rooms.OrderBy(r => r.Name, ChatNames.Comparer).ToList();
        var builder = new StringBuilder("*** ").Append(Count(sorted.Count, "room"));
        for (var i = 0; i < sorted.Count; i++)
        {
            builder.Append(i == 0 ? ": " : ", ").Append(sorted[i].Name)
                .Append(" (").Append(sorted[i].MemberCount.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        return builder.ToString();
    }

    /// <summary>The <c>/help</c> text (several lines).</summary>
    public static string Help() => HelpText;

    /// <summary>An error shown only to the member who caused it: <c>*** Error: reason</c>.</summary>
    public static string Error(string reason) => $"*** Error: {reason}";

    /// <summary>The error for <c>/msg</c> to an unknown nick.</summary>
    public static string NoSuchNick(string nick) => Error($"no such nick: {nick}");

    /// <summary>The error for <c>/nick</c> to a nick someone else has.</summary>
    public static string NickInUse(string nick) => Error($"the nick {nick} is already in use");

    /// <summary>The error for <c>/nick</c> to a guest nick (<paramref name="prefix"/> and a number).</summary>
    public static string GuestNickReserved(string prefix) => Error($"nicks like {prefix}7 are given to newcomers; choose another");

    /// <summary>The error for <c>/join</c> to the room the member is already in.</summary>
    public static string AlreadyInRoom(string room) => Error($"you are already in {room}");

    /// <summary>The error for a line the framer rejected, e.g. <c>*** Error: line too long (max 1024 bytes)</c>.</summary>
    public static string FrameError(FrameError error, int maxLineLength) =>
        Error(FrameErrorText.Describe(error, maxLineLength));

    /// <summary>The farewell to a member who typed <c>/quit</c>.</summary>
    public static string Goodbye() => "*** Bye!";

    /// <summary>The last line a member reads before an idle timeout closes its connection.</summary>
    public static string IdleTimeout() => "*** You were idle for too long; closing the connection.";

    /// <summary>The line every member reads when the server shuts down.</summary>
    public static string ServerShuttingDown() => "*** The server is shutting down. Bye!";

    /// <summary>Encodes <paramref name="message"/> for the wire: UTF-8 followed by CRLF, in one allocation.</summary>
    public static ByteString Encode(string message) => LineFramer.Encode(message, LineBreak);

    /// <summary>The phrase for a leave reason, as shown in parentheses by <see cref="Left"/>.</summary>
    public static string Describe(LeaveReason reason, string? movedTo = null) => reason switch
    {
        LeaveReason.Quit => "quit",
        LeaveReason.Disconnected => "connection closed",
        LeaveReason.Timeout => "idle timeout",
        LeaveReason.Dropped => "dropped: not reading",
        LeaveReason.ServerShutdown => "server shutdown",
        LeaveReason.HostLost => "host lost",
        LeaveReason.Moved => movedTo is null ? "moved to another room" : $"moved to {movedTo}",
        _ => "left",
    };

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
