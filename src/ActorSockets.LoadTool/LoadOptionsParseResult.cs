namespace ActorSockets.LoadTool;

/// <summary>The outcome of parsing a command line: options, a request for the usage text, or an error.</summary>
public sealed record LoadOptionsParseResult
{
    private LoadOptionsParseResult(LoadOptions? options, bool helpRequested, string? error)
    {
        Options = options;
        HelpRequested = helpRequested;
        ErrorMessage = error;
    }

    /// <summary>Gets the parsed options; null when help was requested or the command line was wrong.</summary>
    public LoadOptions? Options { get; }

    /// <summary>Gets whether <c>--help</c> was given.</summary>
    public bool HelpRequested { get; }

    /// <summary>Gets what is wrong with the command line; null when nothing is.</summary>
    public string? ErrorMessage { get; }

    internal static LoadOptionsParseResult Success(LoadOptions options) => new(options, false, null);

    internal static LoadOptionsParseResult Help() => new(null, true, null);

    internal static LoadOptionsParseResult Error(string message) => new(null, false, message);
}
