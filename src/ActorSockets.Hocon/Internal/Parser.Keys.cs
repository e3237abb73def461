namespace ActorSockets.Hocon.Internal;

internal sealed partial class Parser
{
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
                    return [QuotedText(first)];
                }

                // Large configs repeat key names a lot; segment arrays are never changed, so one per distinct key text is shared.
                var text = _lexer.Span(first);
                if (_keyCache is null && ++_keysRead > KeyCacheAfter)
                {
                    _keyCache = new Dictionary<string, string[]>(StringComparer.Ordinal);
                }

                if (_keyCache is not null && _keyCache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var cached))
                {
                    return cached;
                }

                if (TrySplitKey(text) is { } simple)
                {
                    if (_keyCache is not null && _keyCache.Count < MaxCachedKeys)
                    {
                        _keyCache.GetAlternateLookup<ReadOnlySpan<char>>()[text] = simple;
                    }

                    return simple;
                }
            }

            var key = new KeyBuilder();
            if (first.Kind == TokenKind.Quoted)
            {
                key.AddQuoted(QuotedText(first));
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
                    key.AddQuoted(QuotedText(token));
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
}
