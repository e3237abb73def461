namespace ActorSockets.Protocols.Chat;

public sealed partial class ChatRegistry
{
    /// <summary>From a new member: give it a guest nick and put it in the default room; it gets <see cref="ChatRoom.Joined"/>.</summary>
    public sealed record Connect
    {
        private Connect()
        {
        }

        /// <summary>The single instance.</summary>
        public static Connect Instance { get; } = new();
    }

    /// <summary>From a member: <c>/nick</c>. A nick in use (case-insensitively) is refused with an error line.</summary>
    public sealed record ChangeNick(string Nick);

    /// <summary>From a member: <c>/join</c>. The room is created if needed.</summary>
    public sealed record JoinRoom(string Room);

    /// <summary>From a member: <c>/msg</c>. An unknown nick gets "no such nick".</summary>
    public sealed record SendPrivate(string Recipient, string Text);

    /// <summary>From a member: <c>/rooms</c>; the answer is a <see cref="Deliver"/>.</summary>
    public sealed record ListRooms
    {
        private ListRooms()
        {
        }

        /// <summary>The single instance.</summary>
        public static ListRooms Instance { get; } = new();
    }

    /// <summary>From a member that is going away: its room is told, with <paramref name="Reason"/>.</summary>
    public sealed record Leave(LeaveReason Reason);
}
