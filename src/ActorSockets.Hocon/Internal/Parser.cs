using System.Text;

namespace ActorSockets.Hocon.Internal;

/// <summary>
/// Recursive-descent HOCON parser over the <see cref="Lexer"/>'s tokens. It builds the unresolved
/// tree: duplicate keys are merged as they are read, while substitutions, concatenations that need
/// them and merges that depend on them are kept as nodes for the <see cref="Resolver"/>.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deepest nesting of objects and lists accepted, so hostile input cannot overflow the stack.</summary>
    public const int MaxNesting = 200;

    private readonly Lexer _lexer;
    private readonly string _source;
    private readonly Includer _includer;
    private readonly string[] _prefix;
    private readonly IReadOnlyList<string> _includeStack;
    private int _depth;

    private Parser(Lexer lexer, string source, Includer includer, string[] prefix, IReadOnlyList<string> includeStack)
    {
        _lexer = lexer;
        _source = source;
        _includer = includer;
        _prefix = prefix;
        _includeStack = includeStack;
    }

    public static HoconObject ParseDocument(string text, string source, Includer includer, string? key = null) =>
        new Parser(new Lexer(text, source), source, includer, [], key is null ? [] : [key]).ParseDocument();

    /// <summary>Parses one value, as written after '=' (used for command-line overrides).</summary>
    public static HoconValue ParseSingleValue(string text, string source)
    {
        var parser = new Parser(new Lexer(text, source), source, FileIncluder.ForCurrentDirectory(), [], []);
        parser.SkipBlank();
        var value = parser.ParseValue([], null);
        parser.SkipBlank();
        var rest = parser._lexer.Peek();
        if (rest.Kind != TokenKind.EndOfFile)
        {
            throw parser.Error(rest, $"unexpected {rest.Describe(text)} after the value");
        }

        return value;
    }

    private HoconObject ParseDocument()
    {
        SkipBlank();
        var first = _lexer.Peek();
        var root = new HoconObject(OriginOf(first));
        if (first.Kind == TokenKind.OpenBrace)
        {
            _lexer.Next();
            ParseObjectBody(root, [], braced: true, first);
            SkipBlank();
            var rest = _lexer.Peek();
            if (rest.Kind != TokenKind.EndOfFile)
            {
                throw Error(rest, $"unexpected {rest.Describe(_lexer.Text)} after the closing '}}' of the root object");
            }
        }
        else if (first.Kind == TokenKind.OpenBracket)
        {
            throw Error(first, "the root of a HOCON document must be an object, not a list");
        }
        else
        {
            ParseObjectBody(root, [], braced: false, first);
        }

        return root;
    }

    private void ParseObjectBody(HoconObject target, string[] path, bool braced, Token open)
    {
        while (true)
        {
            SkipBlank();
            var token = _lexer.Peek();
            switch (token.Kind)
            {
                case TokenKind.CloseBrace:
                    if (!braced)
                    {
                        throw Error(token, "unexpected '}' with no object open");
                    }

                    _lexer.Next();
                    return;
                case TokenKind.EndOfFile:
                    if (braced)
                    {
                        throw Error(token, $"expected '}}' to close object opened at {open.Line}:{open.Column}");
                    }

                    return;
                case TokenKind.Comma:
                    throw Error(token, "unexpected ','; expected a key (two commas in a row, or a comma before the first field)");
                default:
                    ParseField(target, path);
                    break;
            }

            SkipWhitespace();
            var separator = _lexer.Peek();
            switch (separator.Kind)
            {
                case TokenKind.Newline:
                case TokenKind.Comma:
                    _lexer.Next();
                    break;
                case TokenKind.CloseBrace:
                case TokenKind.EndOfFile:
                    break;
                default:
                    throw Error(separator, $"expected ',' or a new line after a field, found {separator.Describe(_lexer.Text)}");
            }
        }
    }

    private void ParseField(HoconObject target, string[] path)
    {
        var first = _lexer.Peek();
        var segments = first.Kind == TokenKind.Unquoted && _lexer.Span(first).SequenceEqual("include")
            ? ParseIncludeOrKey(target, path, first)
            : ParseKey(first);
        if (segments is null)
        {
            return;
        }

        var separator = _lexer.Peek();
        HoconValue value;
        switch (separator.Kind)
        {
            case TokenKind.OpenBrace:
                value = ParseBracedObject(HoconPath.Concat(path, segments));
                break;
            case TokenKind.Equals:
            case TokenKind.Colon:
                _lexer.Next();
                SkipBlank();
                value = ParseValue(path, segments);
                break;
            case TokenKind.PlusEquals:
                _lexer.Next();
                SkipBlank();
                var appended = ParseValue(path, segments);
                var origin = OriginOf(separator);
                value = new HoconConcatenation(
                    [new HoconSubstitution(HoconPath.Concat(_prefix, HoconPath.Concat(path, segments)), optional: true, origin), new HoconArray([appended], origin)],
                    origin);
                break;
            default:
                throw Error(separator, $"expected '=', ':' or '{{' after key '{HoconPath.Render(HoconPath.Concat(path, segments))}', found {separator.Describe(_lexer.Text)}");
        }

        for (var i = segments.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(value.Origin, 1);
            wrapper.Set(segments[i], value);
            value = wrapper;
        }

        Merger.MergeInto(target, segments[0], value);
    }

    /// <summary>
    /// Reads a key. The common case, one unquoted or quoted token followed by the separator, is split
    /// directly; anything else (whitespace inside the key, mixed quoting) goes through <see cref="KeyBuilder"/>.
    /// </summary>
    private string[] ParseKey(Token first)
    {
        if (first.Kind is TokenKind.Unquoted or TokenKind.Quoted)
        {
            _lexer.Next();
            var next = _lexer.Peek();
            var whitespace = next;
            var hasWhitespace = next.Kind == TokenKind.Whitespace;
            if (hasWhitespace)
            {
                _lexer.Next();
                next = _lexer.Peek();
            }

            if (IsKeySeparator(next.Kind))
            {
                if (first.Kind == TokenKind.Quoted)
                {
                    return [first.Text!];
                }

                if (TrySplitKey(_lexer.Span(first)) is { } simple)
                {
                    return simple;
                }
            }

            var key = new KeyBuilder();
            if (first.Kind == TokenKind.Quoted)
            {
                key.AddQuoted(first.Text!);
            }
            else
            {
                key.AddUnquoted(_lexer.Span(first), this, first);
            }

            if (hasWhitespace)
            {
                key.AddWhitespace(_lexer.Slice(whitespace));
            }

            return ParseKeyRest(key, first);
        }

        return ParseKeyRest(new KeyBuilder(), first);
    }

    private static bool IsKeySeparator(TokenKind kind) =>
        kind is TokenKind.Equals or TokenKind.Colon or TokenKind.PlusEquals or TokenKind.OpenBrace;

    /// <summary>Splits unquoted key text at dots, or returns null when a segment is empty (the slow path reports it).</summary>
    private static string[]? TrySplitKey(ReadOnlySpan<char> text)
    {
        var dots = text.Count('.');
        if (dots == 0)
        {
            return [text.ToString()];
        }

        var segments = new string[dots + 1];
        var n = 0;
        foreach (var range in text.Split('.'))
        {
            if (range.End.Value == range.Start.Value)
            {
                return null;
            }

            segments[n++] = text[range].ToString();
        }

        return segments;
    }

    /// <summary>Handles a field starting with unquoted <c>include</c>: an include statement (returns null) or a key.</summary>
    private string[]? ParseIncludeOrKey(HoconObject target, string[] path, Token first)
    {
        _lexer.Next();
        var key = new KeyBuilder();
        key.AddUnquoted("include", this, first);
        var next = _lexer.Peek();
        if (next.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            var sawNewline = false;
            while (_lexer.Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
            {
                sawNewline |= _lexer.Next().Kind == TokenKind.Newline;
            }

            var argument = _lexer.Peek();
            if (argument.Kind == TokenKind.Quoted || (argument.Kind == TokenKind.Unquoted && IsIncludeFunction(_lexer.Span(argument))))
            {
                ParseInclude(target, path, first);
                return null;
            }

            if (sawNewline)
            {
                throw Error(argument, $"expected a quoted file name after include, found {argument.Describe(_lexer.Text)}");
            }

            key.AddWhitespace(_lexer.Slice(next));
        }

        return ParseKeyRest(key, first);
    }

    private string[] ParseKeyRest(KeyBuilder key, Token first)
    {
        while (true)
        {
            var token = _lexer.Peek();
            switch (token.Kind)
            {
                case TokenKind.Unquoted:
                    _lexer.Next();
                    key.AddUnquoted(_lexer.Span(token), this, token);
                    break;
                case TokenKind.Quoted:
                    _lexer.Next();
                    key.AddQuoted(token.Text!);
                    break;
                case TokenKind.Whitespace:
                    _lexer.Next();
                    key.AddWhitespace(_lexer.Slice(token));
                    break;
                case TokenKind.Equals:
                case TokenKind.Colon:
                case TokenKind.PlusEquals:
                case TokenKind.OpenBrace:
                    return key.Finish(this, first);
                case TokenKind.Substitution:
                    throw Error(token, "substitutions are not allowed in keys; quote the key if it contains '$'");
                default:
                    var soFar = key.Describe();
                    throw Error(token, soFar.Length == 0
                        ? $"expected a key, found {token.Describe(_lexer.Text)}"
                        : $"expected '=', ':' or '{{' after key '{soFar}', found {token.Describe(_lexer.Text)}");
            }
        }
    }

    private HoconObject ParseBracedObject(string[] path)
    {
        var open = _lexer.Next();
        Enter(open);
        var obj = new HoconObject(OriginOf(open));
        ParseObjectBody(obj, path, braced: true, open);
        _depth--;
        return obj;
    }

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
            SkipWhitespace();
            var separator = _lexer.Peek();
            switch (separator.Kind)
            {
                case TokenKind.Comma:
                case TokenKind.Newline:
                    _lexer.Next();
                    break;
                case TokenKind.CloseBracket:
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
                    value.Add(HoconScalar.String(token.Text!, OriginOf(token)), isText: true);
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

    /// <summary>Gives an unquoted value standing alone its JSON type: true, false, null, a number or a string.</summary>
    private static HoconScalar Classify(ReadOnlySpan<char> text, Origin origin)
    {
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

        return new HoconScalar(IsNumber(text) ? ScalarKind.Number : ScalarKind.String, text.ToString(), origin);
    }

    /// <summary>JSON number syntax: <c>-?digits(.digits)?([eE]-?digits)?</c> (a '+' cannot appear unquoted).</summary>
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
            if (i < s.Length && s[i] == '-')
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

    private void Enter(Token token)
    {
        if (++_depth > MaxNesting)
        {
            throw Error(token, $"objects and lists are nested more than {MaxNesting} deep");
        }
    }

    private void SkipWhitespace()
    {
        while (_lexer.Peek().Kind == TokenKind.Whitespace)
        {
            _lexer.Next();
        }
    }

    private void SkipBlank()
    {
        while (_lexer.Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            _lexer.Next();
        }
    }

    private Origin OriginOf(Token token) => new(_source, token.Line);

    internal HoconParseException Error(Token token, string message) => new(message, _source, token.Line, token.Column);
}
