namespace ActorSockets.Hocon;

/// <summary>
/// Thrown when HOCON text cannot be parsed. The message starts with <c>file:line:column</c> and says
/// what was expected, for example <c>app.conf:7:1: expected '}' to close object opened at 3:5</c>.
/// </summary>
public class HoconParseException : Exception
{
    public HoconParseException()
        : this("invalid HOCON")
    {
    }

    public HoconParseException(string message)
        : base(message)
    {
    }

    public HoconParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a problem at a position of a named source.</summary>
    public HoconParseException(string message, string? file, int line, int column, Exception? innerException = null)
        : base($"{file ?? "(string)"}:{line}:{column}: {message}", innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Reason = message;
    }

    /// <summary>The file, resource or other source the text came from ("(string)" for parsed strings).</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the problem, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The message without the position prefix.</summary>
    public string? Reason { get; }
}
