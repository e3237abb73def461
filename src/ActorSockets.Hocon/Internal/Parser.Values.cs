using System.Text;

namespace ActorSockets.Hocon.Internal;

internal sealed partial class Parser
{
    private HoconArray ParseArray(string[] parent, string[]? key)
    {
        var open = _lexer.Next();
        Enter(open);
        var items = new List<HoconValue>();
        while (true)
        {
            SkipBlank();
            var token = _lexer.Peek();
            if (token.Kind == TokenKind.CloseBracket)
            {
                _lexer.Next();
                break;
            }

            if (token.Kind == TokenKind.EndOfFile)
            {
                throw Error(token, $"expected ']' to close list opened at {open.Line}:{open.Column}");
            }

            if (token.Kind == TokenKind.Comma)
            {
                throw Error(token, "unexpected ','; expected a list element (two commas in a row, or a comma before the first element)");
            }

            items.Add(ParseValue(parent, key));
            var sawNewline = SkipBlank();
            var separator = _lexer.Peek();
            switch (separator.Kind)
            {
                case TokenKind.Comma:
                    _lexer.Next();
                    break;
                case TokenKind.CloseBracket:
                    break;
                case var _ when sawNewline:
                    break;
                case TokenKind.EndOfFile:
                    throw Error(separator, $"expected ']' to close list opened at {open.Line}:{open.Column}");
                default:
                    throw Error(separator, $"expected ',' or ']' in list opened at {open.Line}:{open.Column}, found {separator.Describe(_lexer.Text)}");
            }
        }

        _depth--;
        return new HoconArray(items, OriginOf(open));
    }

    /// <summary>
    /// Reads a value up to the end of its line, ',' or a closing bracket. Several adjacent parts form
    /// a concatenation; parts that are all plain text are joined here, the rest wait for resolution.
    /// A run of unquoted tokens (with the whitespace between them) is one slice of the source, so
    /// <c>unquoted text like this</c> costs one string.
    /// </summary>
    /// <param name="parent">The path of the object holding the field (used for nested objects and messages).</param>
    /// <param name="key">The field's key segments, or null for a value outside any field.</param>
    private HoconValue ParseValue(string[] parent, string[]? key)
    {
        var value = new ValueBuilder(this);
        while (true)
        {
            var token = _lexer.Peek();
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    _lexer.Next();
                    value.Whitespace(token);
                    continue;
                case TokenKind.Unquoted:
                    _lexer.Next();
                    value.Unquoted(token);
                    continue;
                case TokenKind.Quoted:
                    _lexer.Next();
                    value.Add(QuotedScalar(token), isText: true);
                    continue;
                case TokenKind.Substitution:
                    _lexer.Next();
                    value.Add(
                        _prefix.Length == 0
                            ? new HoconSubstitution(token.Path!, token.Flag, OriginOf(token))
                            : new HoconSubstitution(HoconPath.Concat(_prefix, token.Path!), token.Flag, OriginOf(token), token.Path),
                        isText: false);
                    continue;
                case TokenKind.OpenBrace:
                    value.Flush();
                    value.Add(ParseBracedObject(key is null ? parent : HoconPath.Concat(parent, key)), isText: false);
                    continue;
                case TokenKind.OpenBracket:
                    value.Flush();
                    value.Add(ParseArray(parent, key), isText: false);
                    continue;
                default:
                    return value.Finish() ?? throw Error(token, key is null
                        ? $"expected a value, found {token.Describe(_lexer.Text)}"
                        : $"expected a value for '{HoconPath.Render(HoconPath.Concat(parent, key))}', found {token.Describe(_lexer.Text)}");
            }
        }
    }

    private static HoconScalar JoinText(List<HoconValue> parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(((HoconScalar)part).Text);
        }

        return HoconScalar.String(sb.ToString(), parts[0].Origin);
    }

    /// <summary>The text of a quoted token: decoded when it had escapes, else the source between the quotes.</summary>
    private string QuotedText(Token token) => token.Text ?? _lexer.Text.Substring(token.Start + 1, token.Length - 2);

    private HoconScalar QuotedScalar(Token token) => token.Text is { } decoded
        ? HoconScalar.String(decoded, OriginOf(token))
        : new HoconScalar(ScalarKind.String, _lexer.Text, token.Start + 1, token.Length - 2, OriginOf(token));

    /// <summary>Gives a lone unquoted token its JSON type: true, false, null, a number or a string.</summary>
    private HoconScalar Classify(Token token)
    {
        var text = _lexer.Span(token);
        var origin = OriginOf(token);
        if (text.SequenceEqual("true"))
        {
            return new HoconScalar(ScalarKind.Boolean, "true", origin);
        }

        if (text.SequenceEqual("false"))
        {
            return new HoconScalar(ScalarKind.Boolean, "false", origin);
        }

        if (text.SequenceEqual("null"))
        {
            return HoconScalar.Null(origin);
        }

        return new HoconScalar(IsNumber(text) ? ScalarKind.Number : ScalarKind.String, _lexer.Text, token.Start, token.Length, origin);
    }

    /// <summary>JSON number syntax: <c>-?digits(.digits)?([eE][+-]?digits)?</c>.</summary>
    internal static bool IsNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        var digits = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            var fraction = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == fraction)
            {
                return false;
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && s[i] is '-' or '+')
            {
                i++;
            }

            var exponent = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == exponent)
            {
                return false;
            }
        }

        return i == s.Length;
    }
}
