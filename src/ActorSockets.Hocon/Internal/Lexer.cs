using System.Buffers;
using System.Globalization;
using System.Text;

namespace ActorSockets.Hocon.Internal;

/// <summary>
/// A single-pass, hand-written HOCON tokenizer over the source string. It tracks line and column
/// for every token, drops comments, and allocates only for token text the parser keeps
/// (decoded quoted strings, substitution paths); unquoted text stays a range of the source.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly string _source;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private Token _peeked;
    private bool _hasPeeked;
    private StringBuilder? _scratch;

    /// <summary>HOCON whitespace other than the newline.</summary>
    private static readonly SearchValues<char> WhitespaceChars = CharsWhere(IsWhitespace);

    /// <summary>Characters that may end unquoted text ('/' only ends it when a second '/' follows).</summary>
    private static readonly SearchValues<char> UnquotedStops = CharsWhere(c => c == '\n' || c == '/' || IsWhitespace(c) || IsForbiddenInUnquoted(c));

    /// <summary>Characters a quoted string cannot simply copy: its end, escapes, newlines and other control characters.</summary>
    private static readonly SearchValues<char> QuotedStops = CharsWhere(c => c is '"' or '\\' || (char.IsControl(c) && c != '\t'));

    public Lexer(string text, string source)
    {
        _text = text;
        _source = source;
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    public string Text => _text;

    public Token Peek()
    {
        if (!_hasPeeked)
        {
            _peeked = Read();
            _hasPeeked = true;
        }

        return _peeked;
    }

    public Token Next()
    {
        var token = Peek();
        _hasPeeked = false;
        return token;
    }

    public string Slice(in Token token) => _text.Substring(token.Start, token.Length);

    public ReadOnlySpan<char> Span(in Token token) => _text.AsSpan(token.Start, token.Length);

    /// <summary>Characters that end unquoted text and may not appear in it (HOCON spec, "Unquoted strings").</summary>
    public static bool IsForbiddenInUnquoted(char c) => c switch
    {
        '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\' => true,
        _ => false,
    };

    /// <summary>HOCON whitespace other than the newline: Unicode spaces, the BOM and ASCII control spacing.</summary>
    public static bool IsWhitespace(char c) => c != '\n' && (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF' || (c > 127 && char.IsWhiteSpace(c)) || c == '\v' || c == '\f');

    private Token Read()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return new Token(TokenKind.EndOfFile, _pos, 0, _line, Column(_pos));
            }

            var start = _pos;
            var c = _text[_pos];
            switch (c)
            {
                case '\n':
                    var newline = new Token(TokenKind.Newline, start, 1, _line, Column(start));
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                    return newline;
                case '#':
                    SkipComment();
                    continue;
                case '/' when _pos + 1 < _text.Length && _text[_pos + 1] == '/':
                    SkipComment();
                    continue;
                case '{': return Single(TokenKind.OpenBrace);
                case '}': return Single(TokenKind.CloseBrace);
                case '[': return Single(TokenKind.OpenBracket);
                case ']': return Single(TokenKind.CloseBracket);
                case ',': return Single(TokenKind.Comma);
                case ':': return Single(TokenKind.Colon);
                case '=': return Single(TokenKind.Equals);
                case '+':
                    if (_pos + 1 < _text.Length && _text[_pos + 1] == '=')
                    {
                        _pos += 2;
                        return new Token(TokenKind.PlusEquals, start, 2, _line, Column(start));
                    }

                    throw Error(start, "unexpected '+'; only '+=' is allowed here (quote strings that contain '+')");
                case '"':
                    return _pos + 2 < _text.Length && _text[_pos + 1] == '"' && _text[_pos + 2] == '"'
                        ? ReadTripleQuoted()
                        : ReadQuoted();
                case '$':
                    if (_pos + 1 < _text.Length && _text[_pos + 1] == '{')
                    {
                        return ReadSubstitution();
                    }

                    throw Error(start, "unexpected '$'; a substitution is written ${path} (quote strings that contain '$')");
                default:
                    if (IsWhitespace(c))
                    {
                        var run = _text.AsSpan(_pos).IndexOfAnyExcept(WhitespaceChars);
                        _pos = run < 0 ? _text.Length : _pos + run;
                        return new Token(TokenKind.Whitespace, start, _pos - start, _line, Column(start));
                    }

                    if (IsForbiddenInUnquoted(c))
                    {
                        throw Error(start, $"unexpected character '{c}'; quote strings that contain it");
                    }

                    return ReadUnquoted();
            }
        }
    }

    private int Column(int pos) => pos - _lineStart + 1;

    private static SearchValues<char> CharsWhere(Func<char, bool> predicate)
    {
        var chars = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (predicate((char)c))
            {
                chars.Add((char)c);
            }
        }

        return SearchValues.Create(chars.ToArray());
    }

    private Token Single(TokenKind kind)
    {
        var token = new Token(kind, _pos, 1, _line, Column(_pos));
        _pos++;
        return token;
    }

    private void SkipComment()
    {
        var end = _text.AsSpan(_pos).IndexOf('\n');
        _pos = end < 0 ? _text.Length : _pos + end;
    }

    private Token ReadUnquoted()
    {
        var start = _pos;
        while (true)
        {
            var stop = _text.AsSpan(_pos).IndexOfAny(UnquotedStops);
            if (stop < 0)
            {
                _pos = _text.Length;
                break;
            }

            _pos += stop;
            if (_text[_pos] == '+' && IsExponentSign(start))
            {
                // JSON numbers may write an exponent as 1e+5; elsewhere '+' ends unquoted text.
                _pos++;
                continue;
            }

            if (_text[_pos] != '/' || (_pos + 1 < _text.Length && _text[_pos + 1] == '/'))
            {
                break;
            }

            _pos++;
        }

        return new Token(TokenKind.Unquoted, start, _pos - start, _line, Column(start));
    }

    /// <summary>True when the '+' at the current position follows a number's 'e' and precedes its exponent digits.</summary>
    private bool IsExponentSign(int start) =>
        _pos - start >= 2
        && _text[_pos - 1] is 'e' or 'E'
        && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])
        && Parser.IsNumber(_text.AsSpan(start, _pos - 1 - start));

    private Token ReadQuoted()
    {
        var start = _pos;
        var line = _line;
        var column = Column(start);
        _pos++;
        var contentStart = _pos;
        StringBuilder? sb = null;
        while (true)
        {
            var rest = _text.AsSpan(_pos);
            var stop = rest.IndexOfAny(QuotedStops);
            sb?.Append(stop < 0 ? rest : rest[..stop]);
            _pos = stop < 0 ? _text.Length : _pos + stop;
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw new HoconParseException($"unterminated quoted string opened at {line}:{column}; close it with '\"' on the same line (use \"\"\" for multi-line text)", _source, _line, Column(_pos));
            }

            var c = _text[_pos];
            if (c == '"')
            {
                // Without escapes the text is the source between the quotes; the parser slices it when needed.
                var text = sb?.ToString();
                _pos++;
                return new Token(TokenKind.Quoted, start, _pos - start, line, column, text);
            }

            if (c == '\\')
            {
                if (sb is null)
                {
                    sb = _scratch ??= new StringBuilder();
                    sb.Clear().Append(_text, contentStart, _pos - contentStart);
                }

                ReadEscape(sb);
                continue;
            }

            throw Error(_pos, $"control character U+{(int)c:X4} in quoted string; write it as an escape such as \\u{(int)c:x4}");
        }
    }

    private void ReadEscape(StringBuilder sb)
    {
        var escapeAt = _pos;
        _pos++;
        if (_pos >= _text.Length)
        {
            throw Error(escapeAt, "unterminated escape sequence at end of input");
        }

        var c = _text[_pos++];
        switch (c)
        {
            case '"': sb.Append('"'); break;
            case '\\': sb.Append('\\'); break;
            case '/': sb.Append('/'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'n': sb.Append('\n'); break;
            case 'r': sb.Append('\r'); break;
            case 't': sb.Append('\t'); break;
            case 'u':
                if (_pos + 4 > _text.Length
                    || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw Error(escapeAt, "invalid unicode escape; expected \\u followed by four hex digits");
                }

                sb.Append((char)code);
                _pos += 4;
                break;
            default:
                throw Error(escapeAt, $"invalid escape '\\{c}'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private Token ReadTripleQuoted()
    {
        var start = _pos;
        var line = _line;
        var column = Column(start);
        _pos += 3;
        var contentStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new HoconParseException($"unterminated triple-quoted string opened at {line}:{column}; close it with \"\"\"", _source, _line, Column(_pos));
            }

            var c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
                continue;
            }

            if (c == '"' && _pos + 2 < _text.Length && _text[_pos + 1] == '"' && _text[_pos + 2] == '"')
            {
                // A run of more than three quotes ends the string with its last three; the rest is content.
                var runEnd = _pos;
                while (runEnd < _text.Length && _text[runEnd] == '"')
                {
                    runEnd++;
                }

                var text = _text.Substring(contentStart, runEnd - 3 - contentStart);
                _pos = runEnd;
                return new Token(TokenKind.Quoted, start, _pos - start, line, column, text, flag: true);
            }

            _pos++;
        }
    }

    private Token ReadSubstitution()
    {
        var start = _pos;
        var line = _line;
        var column = Column(start);
        _pos += 2;
        var optional = false;
        if (_pos < _text.Length && _text[_pos] == '?')
        {
            optional = true;
            _pos++;
        }

        var exprStart = _pos;
        var inQuotes = false;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw new HoconParseException($"unterminated substitution opened at {line}:{column}; expected '}}'", _source, _line, Column(_pos));
            }

            var c = _text[_pos];
            if (inQuotes && c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] != '\n')
            {
                _pos += 2;
                continue;
            }

            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '}' && !inQuotes)
            {
                break;
            }

            _pos++;
        }

        var expression = _text.Substring(exprStart, _pos - exprStart);
        _pos++;
        var path = HoconPath.TryParse(expression, out var error)
            ?? throw new HoconParseException($"invalid substitution '${{{expression}}}': {error}", _source, line, column);
        return new Token(TokenKind.Substitution, start, _pos - start, line, column, expression, path, optional);
    }

    private HoconParseException Error(int pos, string message) => new(message, _source, _line, Column(pos));
}
