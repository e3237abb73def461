using System.Text;

namespace ActorSockets.Hocon.Internal;

/// <summary>
/// Path expressions: <c>a.b.c</c>, with quoted segments keeping their dots (<c>a."b.c"</c>).
/// </summary>
internal static class HoconPath
{
    /// <summary>Splits a path expression into segments, or returns an error message saying why it is invalid.</summary>
    public static string[]? TryParse(string text, out string? error)
    {
        var segments = new List<string>(4);
        var current = new StringBuilder();
        var segmentHasContent = false;
        var i = 0;
        error = null;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                var end = i + 1;
                var quoted = new StringBuilder();
                while (end < text.Length && text[end] != '"')
                {
                    if (text[end] == '\\' && end + 1 < text.Length)
                    {
                        end++;
                    }

                    quoted.Append(text[end]);
                    end++;
                }

                if (end >= text.Length)
                {
                    error = $"unterminated quoted segment in path '{text}'";
                    return null;
                }

                current.Append(quoted);
                segmentHasContent = true;
                i = end + 1;
            }
            else if (c == '.')
            {
                if (!segmentHasContent)
                {
                    error = $"empty segment in path '{text}' (two dots, or a leading or trailing dot)";
                    return null;
                }

                segments.Add(current.ToString());
                current.Clear();
                segmentHasContent = false;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                // Whitespace is only meaningful between two parts of one segment.
                var start = i;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (segmentHasContent && i < text.Length && text[i] != '.')
                {
                    current.Append(text, start, i - start);
                }
            }
            else if (Lexer.IsForbiddenInUnquoted(c))
            {
                error = $"character '{c}' is not allowed in path '{text}'; quote the segment";
                return null;
            }
            else
            {
                current.Append(c);
                segmentHasContent = true;
                i++;
            }
        }

        if (!segmentHasContent)
        {
            error = segments.Count == 0 ? "empty path" : $"empty segment in path '{text}' (two dots, or a leading or trailing dot)";
            return null;
        }

        segments.Add(current.ToString());
        return [.. segments];
    }

    /// <summary>Renders segments back to a path expression, quoting segments that need it.</summary>
    public static string Render(IReadOnlyList<string> segments)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            AppendKey(sb, segments[i]);
        }

        return sb.ToString();
    }

    public static string Render(IReadOnlyList<string> prefix, string last)
    {
        if (prefix.Count == 0)
        {
            return Render([last]);
        }

        return Render(prefix) + "." + Render([last]);
    }

    /// <summary>Appends a key, bare when it is made of letters, digits, '-' and '_', quoted otherwise.</summary>
    public static void AppendKey(StringBuilder sb, string key)
    {
        if (IsBareKey(key))
        {
            sb.Append(key);
        }
        else
        {
            AppendQuoted(sb, key);
        }
    }

    public static void AppendQuoted(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static bool IsBareKey(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool StartsWith(string[] path, string[] prefix)
    {
        if (prefix.Length > path.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(path[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static string[] Append(string[] path, string segment)
    {
        var result = new string[path.Length + 1];
        path.CopyTo(result, 0);
        result[^1] = segment;
        return result;
    }

    public static string[] Concat(string[] first, string[] second)
    {
        if (first.Length == 0)
        {
            return second;
        }

        var result = new string[first.Length + second.Length];
        first.CopyTo(result, 0);
        second.CopyTo(result, first.Length);
        return result;
    }
}
