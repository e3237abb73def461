using System.Globalization;

namespace ActorSockets.LoadTool;

/// <summary>Turns the load tool's command line into <see cref="LoadOptions"/>, or says exactly what is wrong with it.</summary>
public static class LoadOptionsParser
{
    private const long MaxBufferBytes = 1L << 30;

    /// <summary>The usage text printed for <c>--help</c> and after a bad argument.</summary>
    public const string Usage = """
        usage: ActorSockets.LoadTool [options]

        Closed-loop echo load against a TCP or Unix socket echo server; every reply byte is verified.

          --host HOST            target host or address (default 127.0.0.1; must be loopback unless --allow-remote)
          --port PORT            target TCP port (default 7007)
          --unix PATH            connect to a Unix domain socket instead of host:port
          --mode MODE            echo | connect-storm | idle (default echo)
                                   echo:          each connection sends --pipeline messages, waits for the echoes, repeats
                                   connect-storm: each of --connections workers connects, makes one round trip, closes, repeats
                                   idle:          opens --connections, one round trip each, holds them open for --seconds
          --connections N        connections, or concurrent workers in connect-storm mode (default 100)
          --size BYTES           message size (default 64)
          --pipeline N           messages in flight per connection (default 1)
          --seconds S            measured duration (default 10)
          --warmup S             load before measuring starts (default 1)
          --ramp N               connects in progress at once while opening connections (default 100)
          --connect-timeout S    time allowed for one connect (default 5)
          --reply-timeout S      time allowed for a reply before the connection counts as failed (default 10)
          --no-roundtrip         connect-storm: close right after connecting, without a round trip
          --json                 print the final result as JSON on stdout (progress stays on stderr)
          --quiet                no progress lines on stderr
          --allow-remote         allow a --host that is not loopback (refused without it: load stays on this machine)
          -h, --help             this text

        Exit codes: 0 success, 1 errors or mismatched bytes during the run, 2 bad arguments or target.
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <returns>The options, a request for help, or an error message naming the offending argument.</returns>
    public static LoadOptionsParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LoadOptions();
        var portGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitInline(args[i]);
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"{name} needs a value");
                }

                return args[++i];
            }

            try
            {
                switch (name)
                {
                    case "-h" or "--help":
                        return LoadOptionsParseResult.Help();
                    case "--host":
                        options = options with { Host = NonEmpty(name, Value()) };
                        break;
                    case "--port":
                        options = options with { Port = Integer(name, Value(), 1, 65535) };
                        portGiven = true;
                        break;
                    case "--unix":
                        options = options with { UnixPath = NonEmpty(name, Value()) };
                        break;
                    case "--mode":
                        options = options with { Mode = ParseMode(Value()) };
                        break;
                    case "--connections":
                        options = options with { Connections = Integer(name, Value(), 1, 100_000) };
                        break;
                    case "--size":
                        options = options with { Size = Integer(name, Value(), 1, 16 * 1024 * 1024) };
                        break;
                    case "--pipeline":
                        options = options with { Pipeline = Integer(name, Value(), 1, 1024) };
                        break;
                    case "--seconds":
                        options = options with { Duration = Seconds(name, Value(), allowZero: false) };
                        break;
                    case "--warmup":
                        options = options with { Warmup = Seconds(name, Value(), allowZero: true) };
                        break;
                    case "--ramp":
                        options = options with { RampConcurrency = Integer(name, Value(), 1, 100_000) };
                        break;
                    case "--connect-timeout":
                        options = options with { ConnectTimeout = Seconds(name, Value(), allowZero: false) };
                        break;
                    case "--reply-timeout":
                        options = options with { ReplyTimeout = Seconds(name, Value(), allowZero: false) };
                        break;
                    case "--no-roundtrip":
                        options = options with { StormRoundTrip = false };
                        break;
                    case "--json":
                        options = options with { Json = true };
                        break;
                    case "--quiet":
                        options = options with { Quiet = true };
                        break;
                    case "--allow-remote":
                        options = options with { AllowRemote = true };
                        break;
                    default:
                        return LoadOptionsParseResult.Error($"unknown argument '{args[i]}'");
                }

                if (inlineValue is not null && name is "--no-roundtrip" or "--json" or "--quiet" or "--allow-remote")
                {
                    return LoadOptionsParseResult.Error($"{name} takes no value");
                }
            }
            catch (ArgumentException e)
            {
                return LoadOptionsParseResult.Error(e.Message);
            }
        }

        if (options.UnixPath is not null && portGiven)
        {
            return LoadOptionsParseResult.Error("--unix and --port are alternatives; give one");
        }

        if ((long)options.Size * options.Pipeline > 64L * 1024 * 1024)
        {
            return LoadOptionsParseResult.Error("--size times --pipeline must stay within 64 MiB per connection");
        }

        // Each connection keeps what it sent and what came back: bound the total so a typo cannot eat the machine.
        var pipeline = options.Mode == LoadMode.Echo ? options.Pipeline : 1;
        if (2L * options.Connections * options.Size * pipeline > MaxBufferBytes)
        {
            return LoadOptionsParseResult.Error("--connections times --size times --pipeline must stay within 512 MiB (every connection buffers that twice)");
        }

        return LoadOptionsParseResult.Success(options);
    }

    private static (string Name, string? InlineValue) SplitInline(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2
            ? (arg[..equals], arg[(equals + 1)..])
            : (arg, null);
    }

    private static LoadMode ParseMode(string value) => value switch
    {
        "echo" => LoadMode.Echo,
        "connect-storm" => LoadMode.ConnectStorm,
        "idle" => LoadMode.Idle,
        _ => throw new ArgumentException($"--mode must be echo, connect-storm or idle, not '{value}'"),
    };

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty") : value;

    private static int Integer(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result))
        {
            throw new ArgumentException($"{name} must be a whole number, not '{value}'");
        }

        if (result < min || result > max)
        {
            throw new ArgumentException($"{name} must be between {min} and {max}, not {result}");
        }

        return result;
    }

    private static TimeSpan Seconds(string name, string value, bool allowZero)
    {
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || double.IsNaN(seconds) || seconds > 86_400)
        {
            throw new ArgumentException($"{name} must be a number of seconds up to 86400, not '{value}'");
        }

        if (seconds == 0 && !allowZero)
        {
            throw new ArgumentException($"{name} must be more than 0 seconds");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
