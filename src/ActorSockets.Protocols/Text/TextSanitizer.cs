using System.Text;

namespace ActorSockets.Protocols.Text;

/// <summary>
/// Cleans a line of user text before it is shown to other people: it removes everything that could move the
/// cursor, recolour or retitle a terminal, or reorder what others see. Printable text, including every script
/// and emoji, passes unchanged.
/// </summary>
/// <remarks>
/// What is removed:
/// <list type="bullet">
/// <item>ANSI/VT100 escape sequences: CSI (<c>ESC [</c> or U+009B, parameters, intermediates, final byte);
/// OSC, DCS, SOS, PM and APC strings (<c>ESC ] P X ^ _</c> or their C1 forms) up to BEL, <c>ESC \</c>, U+009C or the
/// end of the line; and two-character escapes such as <c>ESC c</c> or <c>ESC ( B</c>.</item>
/// <item>C0 control characters (U+0000-U+001F) and DEL; a tab becomes one space rather than vanishing, so words
/// stay apart while nobody can align forged columns.</item>
/// <item>C1 control characters (U+0080-U+009F), the line and paragraph separators U+2028/U+2029 and the
/// bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069), and U+FEFF (a byte
/// order mark some Windows clients send first; invisible otherwise).</item>
/// </list>
/// Telnet negotiation must be removed earlier, from the bytes, by <see cref="TelnetFilter"/>.
/// </remarks>
public static class TextSanitizer
{
    private const char Esc = '\u001B';
    private const char Bel = '\u0007';
    private const char C1Csi = '\u009B';
    private const char C1St = '\u009C';

    /// <summary>Returns <paramref name="text"/> without control characters and escape sequences; the same instance when clean.</summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        var i = first;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == Esc)
            {
                i = SkipEscape(text, i + 1);
            }
            else if (c == C1Csi)
            {
                i = SkipCsi(text, i + 1);
            }
            else if (c is '\u0090' or '\u0098' or '\u009D' or '\u009E' or '\u009F')
            {
                i = SkipString(text, i + 1);
            }
            else
            {
                if (c == '\t')
                {
                    builder.Append(' ');
                }
                else if (!IsStripped(c))
                {
                    builder.Append(c);
                }

                i++;
            }
        }

        return builder.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsStripped(text[i]) || text[i] == '\t')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsStripped(char c) =>
        c < '\u0020' || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || c == '\uFEFF';

    /// <summary>Skips what follows an ESC; returns the index of the first character after the sequence.</summary>
    private static int SkipEscape(string text, int i)
    {
        if (i >= text.Length)
        {
            return i;
        }

        switch (text[i])
        {
            case '[':
                return SkipCsi(text, i + 1);
            case ']' or 'P' or 'X' or '^' or '_':
                return SkipString(text, i + 1);
        }

        // nF escapes: intermediates 0x20-0x2F, then one final byte 0x30-0x7E. A lone ESC swallows nothing else.
        var j = i;
        while (j < text.Length && text[j] is >= '\u0020' and <= '\u002F')
        {
            j++;
        }

        return j < text.Length && text[j] is >= '\u0030' and <= '\u007E' ? j + 1 : i;
    }

    /// <summary>Skips CSI parameters (0x30-0x3F), intermediates (0x20-0x2F) and the final byte (0x40-0x7E).</summary>
    private static int SkipCsi(string text, int i)
    {
        while (i < text.Length && text[i] is >= '\u0020' and <= '\u003F')
        {
            i++;
        }

        // A malformed sequence ends at the first character that cannot belong to it, which is then kept.
        return i < text.Length && text[i] is >= '\u0040' and <= '\u007E' ? i + 1 : i;
    }

    /// <summary>Skips a control string up to and including its terminator (BEL, ESC \ or ST), or to the end.</summary>
    private static int SkipString(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c is Bel or C1St)
            {
                return i + 1;
            }

            if (c == Esc && i + 1 < text.Length && text[i + 1] == '\\')
            {
                return i + 2;
            }

            i++;
        }

        return i;
    }
}
