namespace ActorSockets.Host.Internal;

/// <summary>The host's command line, parsed. Every option is off or empty unless given.</summary>
internal sealed record HostOptions
{
    /// <summary>A config file layered over the defaults (<c>--config FILE</c>).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The <c>--set path=value</c> overrides, in the order given; later ones win.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>Render the merged config to stdout and exit (<c>--print-config</c>).</summary>
    public bool PrintConfig { get; init; }

    /// <summary>Validate the config and the endpoints, then exit (<c>--check</c>).</summary>
    public bool Check { get; init; }

    /// <summary>Do not relay console lines to the chat lobby (<c>--no-console</c>).</summary>
    public bool NoConsole { get; init; }

    /// <summary>Overrides <c>actorsockets.log.level</c> (<c>--log-level LEVEL</c>).</summary>
    public string? LogLevel { get; init; }

    /// <summary>Once every endpoint is bound, write the endpoint lines of the banner to this file (<c>--ready-file PATH</c>).</summary>
    public string? ReadyFile { get; init; }

    /// <summary>Print the usage and exit 0 (<c>--help</c>).</summary>
    public bool Help { get; init; }
}
