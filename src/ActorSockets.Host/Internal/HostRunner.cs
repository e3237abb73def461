using ActorSockets.Hocon;
using ActorSockets.Protocols;
using Serilog.Events;

namespace ActorSockets.Host.Internal;

/// <summary>
/// The host's life: parse the command line, load and validate the config, start the endpoints, print
/// the banner, then serve until a signal asks for shutdown. Every failure before serving is one line on
/// standard error and exit code 2, with nothing left running. Serving (Microsoft.Extensions.Hosting,
/// Akka.Hosting, signals) is in <c>HostRunner.Serving.cs</c>.
/// </summary>
internal sealed partial class HostRunner
{
    public const int ExitOk = 0;
    public const int ExitShutdownFailed = 1;
    public const int ExitUsageOrConfig = 2;

    private const string Prefix = "actorsockets: ";

    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public HostRunner(TextWriter stdout, TextWriter stderr)
    {
        _out = stdout;
        _error = stderr;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!CommandLine.TryParse(args, out var options, out var usageError))
        {
            await _error.WriteLineAsync(Prefix + usageError).ConfigureAwait(false);
            await _error.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
            return ExitUsageOrConfig;
        }

        if (options.Help)
        {
            await _out.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
            return ExitOk;
        }

        if (!TryLoad(options, out var loaded))
        {
            return ExitUsageOrConfig;
        }

        if (options.PrintConfig)
        {
            await _out.WriteLineAsync(loaded.Config.Render()).ConfigureAwait(false);
            return ExitOk;
        }

        if (options.Check)
        {
            await _out.WriteLineAsync(
                $"configuration OK: {loaded.Endpoints.Count} endpoint(s) [{string.Join(", ", loaded.Endpoints.Select(e => e.Name))}] from {string.Join(" + ", loaded.Sources)}").ConfigureAwait(false);
            return ExitOk;
        }

        if (loaded.Endpoints.Count == 0)
        {
            await _error.WriteLineAsync(Prefix + "no endpoint is enabled under actorsockets.endpoints; nothing to serve").ConfigureAwait(false);
            return ExitUsageOrConfig;
        }

        await using var logger = HostLogging.CreateLogger(loaded.Log, loaded.Level);
        return await ServeAsync(options, loaded, logger).ConfigureAwait(false);
    }

    private bool TryLoad(HostOptions options, out LoadedConfig loaded)
    {
        loaded = default!;
        try
        {
            var config = HostConfig.Load(options, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, out var sources);
            var log = LogSettings.FromConfig(config);
            var level = LogLevels.TryParse(options.LogLevel, out var chosen) ? chosen : log.Level;
            var endpoints = EndpointSettings.FromConfig(config);
            var cluster = ClusterSettings.FromConfig(config);
            loaded = new LoadedConfig(
                config,
                sources,
                HostSettings.FromConfig(config),
                log,
                level,
                endpoints,
                cluster,
                AkkaBridge.ToAkka(config, level, cluster.ToAkkaHocon(ActorSystemName)));
            return true;
        }
        catch (HoconParseException ex)
        {
            // The message starts with file:line:col.
            _error.WriteLine(Prefix + OneLine(ex.Message));
        }
        catch (ConfigException ex)
        {
            _error.WriteLine(Prefix + OneLine(ex.Message));
        }
        catch (Akka.Configuration.ConfigurationException ex)
        {
            // Akka's parser refused what ours rendered: a bug in the bridge, reported as a config error.
            _error.WriteLine(Prefix + "Akka.NET cannot read the rendered configuration: " + OneLine(ex.Message));
        }

        return false;
    }

    /// <summary>Keeps an error to one line even if a message (or a value quoted in it) spans several.</summary>
    private static string OneLine(string message) => SafeLineFormatter.Escape(message.Trim());

    /// <summary>The loaded configuration; <paramref name="Level"/> is the log level in force (<c>--log-level</c> or <c>actorsockets.log.level</c>).</summary>
    private sealed record LoadedConfig(
        Config Config,
        IReadOnlyList<string> Sources,
        HostSettings Host,
        LogSettings Log,
        LogEventLevel Level,
        IReadOnlyList<EndpointSettings> Endpoints,
        ClusterSettings Cluster,
        Akka.Configuration.Config Akka);
}
