namespace ActorSockets.Protocols.Chat;

/// <summary>
/// What a member's line asks for: text to say, or one of the commands <c>/nick</c>, <c>/who</c>, <c>/me</c>,
/// <c>/msg</c>, <c>/join</c>, <c>/rooms</c>, <c>/help</c>, <c>/quit</c>. Parse a sanitized line with
/// <see cref="Parse"/>; a line the parser cannot accept becomes <see cref="Invalid"/> carrying the reason to
/// show the member.
/// </summary>
/// <remarks>
/// Command names are case-insensitive. A line starting with <c>//</c> says the text after the first slash, so
/// members can still say something that begins with a slash. A line that is empty or only white space is
/// <see cref="Blank"/> and should be ignored. Names are checked against <see cref="ChatNames"/> here; whether a
/// nick is taken or known is for the room to decide.
/// </remarks>
public abstract partial record ChatCommand
{
    private const int MaxEchoedCommandLength = 16;

    /// <summary>Parses one line of chat input (already sanitized and without its terminator).</summary>
    public static ChatCommand Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (string.IsNullOrWhiteSpace(line))
        {
            return Blank.Instance;
        }

        if (line[0] != '/')
        {
            return new Say(line);
        }

        if (line.StartsWith("//", StringComparison.Ordinal))
        {
            return new Say(line[1..]);
        }

        var body = line.AsSpan(1);
        var space = body.IndexOfAny(' ', '\t');
        var name = space < 0 ? body : body[..space];
        var rest = space < 0 ? string.Empty : body[(space + 1)..].Trim().ToString();
        return name.ToString().ToUpperInvariant() switch
        {
            "NICK" => ParseNick(rest),
            "WHO" => Who.Instance,
            "ME" => rest.Length == 0 ? new Invalid("usage: /me ACTION") : new Me(rest),
            "MSG" => ParseMessage(rest),
            "JOIN" => ParseJoin(rest),
            "ROOMS" => Rooms.Instance,
            "HELP" => Help.Instance,
            "QUIT" => Quit.Instance,
            _ => new Invalid($"unknown command /{Shorten(name)}; type /help for the list of commands"),
        };
    }

    private static ChatCommand ParseNick(string rest)
    {
        if (rest.Length == 0)
        {
            return new Invalid("usage: /nick NAME");
        }

        return ChatNames.IsValidNick(rest, out var error) ? new Nick(rest) : new Invalid(error);
    }

    private static ChatCommand ParseMessage(string rest)
    {
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return new Invalid("usage: /msg NICK TEXT");
        }

        var nick = rest[..space];
        var text = rest[(space + 1)..].TrimStart();
        if (!ChatNames.IsValidNick(nick, out _))
        {
            return new Invalid($"no such nick: {Shorten(nick)}");
        }

        return new PrivateMessage(nick, text);
    }

    private static ChatCommand ParseJoin(string rest)
    {
        var room = rest.StartsWith('#') ? rest[1..] : rest;
        if (room.Length == 0)
        {
            return new Invalid("usage: /join ROOM");
        }

        return ChatNames.IsValidRoom(room, out var error) ? new Join(room) : new Invalid(error);
    }

    private static string Shorten(ReadOnlySpan<char> text) =>
        text.Length <= MaxEchoedCommandLength ? text.ToString() : string.Concat(text[..MaxEchoedCommandLength], "...");
}
