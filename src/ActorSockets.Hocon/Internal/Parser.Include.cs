namespace ActorSockets.Hocon.Internal;

internal sealed partial class Parser
{
    /// <summary>Deepest chain of nested includes accepted.</summary>
    private const int MaxIncludeDepth = 32;

    private static bool IsIncludeFunction(ReadOnlySpan<char> text) =>
        text.StartsWith("file(") || text.StartsWith("required(") || text.StartsWith("classpath(") || text.StartsWith("url(");

    /// <summary>
    /// Parses <c>include "name"</c>, <c>include file("name")</c> and <c>include required(...)</c> and merges
    /// the included object into <paramref name="target"/> as if its fields were written here. Paths of
    /// substitutions in the included text are made relative to where it is included.
    /// </summary>
    private void ParseInclude(HoconObject target, string[] path, Token includeToken)
    {
        var required = false;
        var opened = 0;
        var token = _lexer.Next();
        while (token.Kind == TokenKind.Unquoted)
        {
            var text = _lexer.Span(token);
            while (text.Length > 0)
            {
                if (text.StartsWith("required("))
                {
                    required = true;
                    text = text["required(".Length..];
                }
                else if (text.StartsWith("file("))
                {
                    text = text["file(".Length..];
                }
                else if (text.StartsWith("classpath(") || text.StartsWith("url("))
                {
                    throw Error(token, "include classpath(...) and url(...) are not supported; use file(\"...\") with a path relative to the including file");
                }
                else
                {
                    throw Error(token, $"unexpected '{text.ToString()}' in include; expected include \"file\", file(\"file\") or required(\"file\")");
                }

                opened++;
            }

            SkipWhitespace();
            token = _lexer.Next();
        }

        if (token.Kind != TokenKind.Quoted)
        {
            throw Error(token, $"expected a quoted file name in include, found {token.Describe(_lexer.Text)}");
        }

        var name = QuotedText(token);
        var closed = 0;
        while (closed < opened)
        {
            SkipWhitespace();
            var close = _lexer.Peek();
            var span = close.Kind == TokenKind.Unquoted ? _lexer.Span(close) : default;
            if (span.Length == 0 || span.ContainsAnyExcept(')') || closed + span.Length > opened)
            {
                throw Error(close, $"expected {opened - closed} closing ')' after include \"{name}\", found {close.Describe(_lexer.Text)}");
            }

            _lexer.Next();
            closed += span.Length;
        }

        if (_includeStack.Count >= MaxIncludeDepth)
        {
            throw Error(includeToken, $"includes are nested more than {MaxIncludeDepth} deep");
        }

        IncludeTarget? included;
        try
        {
            included = _includer.Open(name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new HoconParseException($"cannot read include \"{name}\": {ex.Message}", _source, includeToken.Line, includeToken.Column, ex);
        }

        if (included is null)
        {
            if (required)
            {
                throw Error(includeToken, $"required include \"{name}\" was not found (looked for {_includer.Describe(name)})");
            }

            return;
        }

        foreach (var key in _includeStack)
        {
            if (string.Equals(key, included.Key, StringComparison.Ordinal))
            {
                throw Error(includeToken, $"include cycle: {string.Join(" -> ", _includeStack)} -> {included.Key}");
            }
        }

        var stack = new List<string>(_includeStack) { included.Key };
        var parser = new Parser(new Lexer(included.Text, included.Source), included.Source, included.Includer, HoconPath.Concat(_prefix, path), stack)
        {
            _depth = _depth,
        };
        var obj = parser.ParseDocument();
        foreach (var key in obj.Keys)
        {
            Merger.MergeInto(target, key, obj[key]);
        }
    }
}
