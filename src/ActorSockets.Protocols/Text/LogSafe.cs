using System.Globalization;
using System.Text;

namespace ActorSockets.Protocols.Text;

/// <summary>
/// Makes user-controlled strings (nicks, message text, client payloads) safe to put in a log line: the result
/// is always one line of printable text, so a peer can never forge a log entry, hide text with terminal escapes
/// or flood the log.
/// </summary>
public static class LogSafe
{
    /// <summary>The default number of input characters kept before truncation: 200.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>
    /// Escapes <paramref name="value"/>: a backslash becomes <c>\\</c>; CR, LF and tab become <c>\r</c>,
    /// <c>\n</c>, <c>\t</c>; every other control character (C0, DEL, C1), line or paragraph separator,
    /// bidirectional override and lone surrogate becomes <c>\uXXXX</c>. Input beyond
    /// <paramref name="maxLength"/> characters is cut and replaced by <c>...(+N chars)</c>. Null becomes <c>(null)</c>.
    /// </summary>
    /// <param name="value">The untrusted text.</param>
    /// <param name="maxLength">How many input characters to keep. Defaults to 200.</param>
    public static string Escape(string? value, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (value is null)
        {
            return "(null)";
        }

        var kept = value.Length <= maxLength ? value.AsSpan() : value.AsSpan(0, maxLength);
        if (kept.Length > 0 && char.IsHighSurrogate(kept[^1]) && kept.Length < value.Length)
        {
            kept = kept[..^1];
        }

        if (kept.Length == value.Length && !NeedsEscaping(kept))
        {
            return value;
        }

        var builder = new StringBuilder(kept.Length + 16);
        for (var i = 0; i < kept.Length; i++)
        {
            var c = kept[i];
            if (char.IsHighSurrogate(c) && i + 1 < kept.Length && char.IsLowSurrogate(kept[i + 1]))
            {
                builder.Append(c).Append(kept[++i]);
                continue;
            }

            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                default:
                    if (IsUnsafe(c))
                    {
                        builder.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        if (kept.Length < value.Length)
        {
            builder.Append("...(+").Append((value.Length - kept.Length).ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        }

        return builder.ToString();
    }

    /// <summary>Decodes <paramref name="bytes"/> as UTF-8 (invalid sequences become U+FFFD) and escapes the text.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes, int maxLength = DefaultMaxLength)
    {
        var prefix = bytes.Length > maxLength * 4L ? bytes[..(maxLength * 4)] : bytes;
        var escaped = Escape(Encoding.UTF8.GetString(prefix), maxLength);
        return prefix.Length < bytes.Length && !escaped.EndsWith(" chars)", StringComparison.Ordinal)
            ? escaped + "...(truncated)"
            : escaped;
    }

    private static bool NeedsEscaping(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c == '\\' || IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(char c) =>
        c < '\u0020' || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || char.IsSurrogate(c);
}
