namespace ActorSockets.Protocols.Chat;

public abstract partial record ChatCommand
{
    /// <summary>Text to say to the room, shown to the others as <c>[nick] text</c>.</summary>
    /// <param name="Text">The text, as typed (sanitized).</param>
    public sealed record Say(string Text) : ChatCommand;

    /// <summary><c>/nick NAME</c>: take a new nick. The name has passed <see cref="ChatNames.IsValidNick"/>.</summary>
    /// <param name="Name">The requested nick.</param>
    public sealed record Nick(string Name) : ChatCommand;

    /// <summary><c>/who</c>: list the members of the current room.</summary>
    public sealed record Who : ChatCommand
    {
        private Who()
        {
        }

        /// <summary>The single instance.</summary>
        public static Who Instance { get; } = new();
    }

    /// <summary><c>/me ACTION</c>: an action, shown as <c>* nick action</c>.</summary>
    /// <param name="Action">The action text.</param>
    public sealed record Me(string Action) : ChatCommand;

    /// <summary><c>/msg NICK TEXT</c>: a private message to one member of any room.</summary>
    /// <param name="Recipient">The recipient's nick; syntactically valid, not necessarily known.</param>
    /// <param name="Text">The message text.</param>
    public sealed record PrivateMessage(string Recipient, string Text) : ChatCommand;

    /// <summary><c>/join ROOM</c> (a leading <c>#</c> is allowed): move to a room, creating it if needed.</summary>
    /// <param name="Room">The room name, without <c>#</c>; it has passed <see cref="ChatNames.IsValidRoom"/>.</param>
    public sealed record Join(string Room) : ChatCommand;

    /// <summary><c>/rooms</c>: list the rooms and their member counts.</summary>
    public sealed record Rooms : ChatCommand
    {
        private Rooms()
        {
        }

        /// <summary>The single instance.</summary>
        public static Rooms Instance { get; } = new();
    }

    /// <summary><c>/help</c>: show the command list.</summary>
    public sealed record Help : ChatCommand
    {
        private Help()
        {
        }

        /// <summary>The single instance.</summary>
        public static Help Instance { get; } = new();
    }

    /// <summary><c>/quit</c>: leave and close the connection cleanly.</summary>
    public sealed record Quit : ChatCommand
    {
        private Quit()
        {
        }

        /// <summary>The single instance.</summary>
        public static Quit Instance { get; } = new();
    }

    /// <summary>An empty or blank line; nothing to do.</summary>
    public sealed record Blank : ChatCommand
    {
        private Blank()
        {
        }

        /// <summary>The single instance.</summary>
        public static Blank Instance { get; } = new();
    }

    /// <summary>A line the parser rejected; show <see cref="Reason"/> to the member with <see cref="ChatFormat.Error"/>.</summary>
    /// <param name="Reason">Why, with a hint: a usage line, a naming rule, or a pointer to <c>/help</c>.</param>
    public sealed record Invalid(string Reason) : ChatCommand;
}
