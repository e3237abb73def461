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

    /// <summary>Distinct unquoted keys remembered per parse, so a huge generated file cannot grow the cache without bound.</summary>
    private const int MaxCachedKeys = 4096;

    /// <summary>Keys read before the key cache is worth creating (small configs never need it).</summary>
    private const int KeyCacheAfter = 64;

    private readonly Lexer _lexer;
    private readonly string _source;
    private readonly Includer _includer;
    private readonly string[] _prefix;
    private readonly IReadOnlyList<string> _includeStack;
    private Dictionary<string, string[]>? _keyCache;
    private int _keysRead;
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
        var root = HoconObject.RentForParsing(OriginOf(first));
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

        root.Seal();
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

            // A newline or a comma separates fields; JSON's "leading comma" style puts both.
            var sawNewline = SkipBlank();
            var separator = _lexer.Peek();
            switch (separator.Kind)
            {
                case TokenKind.Comma:
                    _lexer.Next();
                    break;
                case TokenKind.CloseBrace:
                case TokenKind.EndOfFile:
                    break;
                case var _ when sawNewline:
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

    private HoconObject ParseBracedObject(string[] path)
    {
        var open = _lexer.Next();
        Enter(open);
        var obj = HoconObject.RentForParsing(OriginOf(open));
        ParseObjectBody(obj, path, braced: true, open);
        obj.Seal();
        _depth--;
        return obj;
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

    /// <summary>Skips whitespace and newlines; returns whether there was a newline.</summary>
    private bool SkipBlank()
    {
        var sawNewline = false;
        while (_lexer.Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            sawNewline |= _lexer.Next().Kind == TokenKind.Newline;
        }

        return sawNewline;
    }

    private Origin OriginOf(Token token) => new(_source, token.Line);

    internal HoconParseException Error(Token token, string message) => new(message, _source, token.Line, token.Column);
}
