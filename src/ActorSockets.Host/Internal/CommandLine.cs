namespace ActorSockets.Host.Internal;

/// <summary>
/// Parses the host's options. Options that take a value accept it as the next argument or after
/// <c>=</c> (<c>--config app.conf</c> or <c>--config=app.conf</c>); anything else is an error, so a typo
/// never starts a server with a silently ignored option.
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: ActorSockets.Host [options]

        Starts every enabled endpoint of hocon/actorsockets.conf (looked up from the current directory
        up to the repository root, then next to the binary) and serves until SIGINT or SIGTERM.

        Options:
          --config FILE         layer FILE over the defaults and hocon/actorsockets.conf
          --set PATH=VALUE      override one key, e.g. --set actorsockets.endpoints.ok.port=0 (repeatable)
          --print-config        print the merged configuration and exit
          --check               validate the configuration and the endpoints, then exit (0 ok, 2 invalid)
          --no-console          do not relay lines typed on the console to the chat lobby
          --log-level LEVEL     Verbose, Debug, Information, Warning, Error or Fatal (overrides actorsockets.log.level)
          --ready-file PATH     once every endpoint is bound, write the endpoint lines of the banner to PATH
          --help                show this help and exit

        Exit codes: 0 stopped cleanly, 1 shutdown timed out or failed, 2 bad usage, bad config or an endpoint
        failed to start, 130/143 a second SIGINT/SIGTERM forced the exit.
        """;

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says what was wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out HostOptions options, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new HostOptions();
        error = string.Empty;
        var overrides = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inlineValue) = Split(arg);
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    options = options with { Help = true };
                    continue;
                case "--print-config":
                    options = options with { PrintConfig = true };
                    continue;
                case "--check":
                    options = options with { Check = true };
                    continue;
                case "--no-console":
                    options = options with { NoConsole = true };
                    continue;
            }

            if (name is not ("--config" or "--set" or "--log-level" or "--ready-file"))
            {
                error = $"unknown option '{arg}'";
                return false;
            }

            string value;
            if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                error = $"option '{name}' needs a value";
                return false;
            }

            if (value.Length == 0)
            {
                error = $"option '{name}' needs a non-empty value";
                return false;
            }

            switch (name)
            {
                case "--config":
                    options = options with { ConfigFile = value };
                    break;
                case "--set":
                    if (value.IndexOf('=', StringComparison.Ordinal) <= 0)
                    {
                        error = $"--set expects PATH=VALUE, got '{value}'";
                        return false;
                    }

                    overrides.Add(value);
                    break;
                case "--log-level":
                    if (!LogLevels.TryParse(value, out _))
                    {
                        error = $"unknown log level '{value}' (use Verbose, Debug, Information, Warning, Error or Fatal)";
                        return false;
                    }

                    options = options with { LogLevel = value };
                    break;
                default:
                    options = options with { ReadyFile = value };
                    break;
            }
        }

        options = options with { Overrides = overrides };
        return true;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return (arg, null);
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }
}
