namespace ActorSockets.Hocon.Internal;

internal enum TokenKind
{
    EndOfFile,
    Newline,
    Whitespace,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Unquoted,
    Quoted,
    Substitution,
}
