using System.Diagnostics.CodeAnalysis;

namespace ActorSockets.Protocols.Chat;

/// <summary>
/// The rules for nicks and room names: 1 to 24 characters, each an ASCII letter, an ASCII digit, <c>-</c> or
/// <c>_</c>. ASCII only, so that no two different-looking names can be confused (no homoglyphs) and a name is
/// always safe to print and log. Names compare case-insensitively: <c>Bob</c> and <c>bob</c> clash.
/// </summary>
public static class ChatNames
{
    /// <summary>The longest nick or room name: 24.</summary>
    public const int MaxLength = 24;

    /// <summary>The nick the server speaks as; no member may take it.</summary>
    public const string ServerNick = "server";

    /// <summary>The room every member joins on connect.</summary>
    public const string DefaultRoom = "lobby";

    /// <summary>The comparer for nicks and room names (ordinal, case-insensitive); use it for the room's dictionaries.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>Checks <paramref name="nick"/>; on failure <paramref name="error"/> says why, e.g. "a nick may be at most 24 characters".</summary>
    public static bool IsValidNick(string? nick, [NotNullWhen(false)] out string? error)
    {
        if (!IsValidName(nick, "nick", out error))
        {
            return false;
        }

        if (Comparer.Equals(nick, ServerNick))
        {
            error = $"the nick '{ServerNick}' is reserved";
            return false;
        }

        return true;
    }

    /// <summary>Checks <paramref name="room"/> (without a leading <c>#</c>); on failure <paramref name="error"/> says why.</summary>
    public static bool IsValidRoom(string? room, [NotNullWhen(false)] out string? error) =>
        IsValidName(room, "room name", out error);

    /// <summary>Returns the guest nick for the <paramref name="number"/>-th connection: <c>guest-1</c>, <c>guest-2</c>... (valid up to 18 digits).</summary>
    public static string GuestNick(long number) =>
        "guest-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsValidName(string? name, string what, [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrEmpty(name))
        {
            error = $"a {what} cannot be empty";
            return false;
        }

        if (name.Length > MaxLength)
        {
            error = $"a {what} may be at most {MaxLength} characters (got {name.Length})";
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                error = c == ' '
                    ? $"a {what} cannot contain spaces"
                    : $"a {what} may only contain letters A-Z, digits 0-9, '-' and '_'";
                return false;
            }
        }

        error = null;
        return true;
    }
}
