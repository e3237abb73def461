namespace ActorSockets.Hocon.Internal;

/// <summary>
/// One lexical token. Unquoted text and whitespace are kept as a range of the source
/// (<see cref="Start"/>, <see cref="Length"/>) and only copied out when the parser needs them;
/// a quoted string carries <see cref="Text"/> only when it differs from the source between its
/// quotes (escapes, triple quotes); substitutions carry their <see cref="Path"/>.
/// </summary>
internal readonly struct Token
{
    public Token(TokenKind kind, int start, int length, int line, int column, string? text = null, string[]? path = null, bool flag = false)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Line = line;
        Column = column;
        Text = text;
        Path = path;
        Flag = flag;
    }

    public TokenKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    public int Line { get; }

    public int Column { get; }

    public string? Text { get; }

    public string[]? Path { get; }

    /// <summary>For a substitution: optional (<c>${?x}</c>). For a quoted string: triple-quoted.</summary>
    public bool Flag { get; }

    public string Describe(string source) => Kind switch
    {
        TokenKind.EndOfFile => "end of input",
        TokenKind.Newline => "end of line",
        TokenKind.Whitespace => "whitespace",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Equals => "'='",
        TokenKind.PlusEquals => "'+='",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.Quoted => "quoted string",
        TokenKind.Substitution => "substitution",
        _ => "'" + Shorten(source.AsSpan(Start, Length)) + "'",
    };

    private static string Shorten(ReadOnlySpan<char> text) => text.Length > 40 ? string.Concat(text[..40], "...") : text.ToString();
}
