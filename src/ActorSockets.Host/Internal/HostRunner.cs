using ActorSockets.Actors;
using ActorSockets.Hocon;
using ActorSockets.IO;
using ActorSockets.Protocols;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace ActorSockets.Host.Internal;

/// <summary>
/// The host's life: parse the command line, load and validate the config, start the endpoints, print
/// the banner, then serve until a signal asks for shutdown. Every failure before serving is one line on
/// standard error and exit code 2, with nothing left running.
/// </summary>
internal sealed class HostRunner
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

        _ = LogLevels.TryParse(options.LogLevel, out var level);
        await using var logger = HostLogging.CreateLogger(loaded.Log, options.LogLevel is null ? null : level);
        using var loggerFactory = new SerilogLoggerFactory(logger, dispose: false);
        return await ServeAsync(options, loaded, loggerFactory).ConfigureAwait(false);
    }

    private bool TryLoad(HostOptions options, out LoadedConfig loaded)
    {
        loaded = default!;
        try
        {
            var config = HostConfig.Load(options, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, out var sources);
            loaded = new LoadedConfig(
                config,
                sources,
                HostSettings.FromConfig(config),
                LogSettings.FromConfig(config),
                ActorSystemSettings.FromConfig(config),
                TcpSettings.FromConfig(config),
                UdpSettings.FromConfig(config),
                EndpointSettings.FromConfig(config));
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

        return false;
    }

    private async Task<int> ServeAsync(HostOptions options, LoadedConfig loaded, ILoggerFactory loggerFactory)
    {
        var log = loggerFactory.CreateLogger("ActorSockets.Host");
        using var signals = new ShutdownSignals();
        signals.Register();
        var system = ActorSystem.Create("actorsockets", loaded.Actors, loggerFactory);

        // The IO extensions are created with the application's actorsockets.io settings before the first
        // endpoint asks for them (they would otherwise start with the library defaults).
        TcpExt.Configure(system, loaded.Tcp);
        UdpExt.Configure(system, loaded.Udp);
        IReadOnlyList<EndpointBinding> bindings;
        try
        {
            bindings = await EndpointHost.StartAsync(system, loaded.Endpoints, loaded.Host.StartTimeout).ConfigureAwait(false);
        }
        catch (EndpointStartException ex)
        {
            await StopAsync(system, loaded.Host.ShutdownTimeout).ConfigureAwait(false);
            var message = OneLine(ex.Message);
            var named = message.Contains($"'{ex.EndpointName}'", StringComparison.Ordinal)
                ? message
                : $"endpoint '{ex.EndpointName}' ({ex.Address}): {message}";
            await _error.WriteLineAsync(Prefix + named).ConfigureAwait(false);
            return ExitUsageOrConfig;
        }

        await PrintBannerAsync(options, loaded, bindings).ConfigureAwait(false);
        if (loaded.Host.Console && !options.NoConsole && !Console.IsInputRedirected)
        {
            ConsoleRelay.Start(
                Console.In,
                line => EndpointHost.SayToLobby(system, line),
                ex => HostLog.ConsoleRelayFailed(log, ex));
        }

        var finished = await Task.WhenAny(signals.Requested, system.WhenTerminated).ConfigureAwait(false);
        if (finished != signals.Requested)
        {
            HostLog.SystemTerminated(log);
            return ExitShutdownFailed;
        }

        var signal = await signals.Requested.ConfigureAwait(false);
        HostLog.ShuttingDown(log, signal, loaded.Host.ShutdownTimeout.TotalSeconds);
        var started = TimeProvider.System.GetTimestamp();
        var shutdown = CoordinatedShutdown.Get(system).Run(new SignalReason(signal));
        var done = await WithinAsync(Task.WhenAll(shutdown, system.WhenTerminated), loaded.Host.ShutdownTimeout).ConfigureAwait(false);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        if (!done)
        {
            HostLog.ShutdownTimedOut(log, loaded.Host.ShutdownTimeout.TotalSeconds);
            return ExitShutdownFailed;
        }

        HostLog.Stopped(log, (long)elapsed.TotalMilliseconds);
        return ExitOk;
    }

    private async Task PrintBannerAsync(HostOptions options, LoadedConfig loaded, IReadOnlyList<EndpointBinding> bindings)
    {
        var lines = bindings
            .Select(b => Banner.EndpointLine(
                b.Settings.Name,
                b.Settings.Transport == EndpointTransport.Tcp ? "tcp" : "udp",
                b.LocalAddress,
                b.Settings.Protocol))
            .ToList();
        if (options.ReadyFile is not null)
        {
            var path = Path.GetFullPath(options.ReadyFile);
            var temporary = path + ".tmp";
            await File.WriteAllLinesAsync(temporary, lines).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }

        await _out.WriteLineAsync(Banner.Header(bindings.Count, loaded.Sources)).ConfigureAwait(false);
        foreach (var line in lines)
        {
            await _out.WriteLineAsync(line).ConfigureAwait(false);
        }

        await _out.WriteLineAsync(Banner.Footer(Environment.ProcessId)).ConfigureAwait(false);
        await _out.FlushAsync().ConfigureAwait(false);
    }

    private static async Task StopAsync(ActorSystem system, TimeSpan timeout) =>
        await WithinAsync(system.Terminate(), timeout).ConfigureAwait(false);

    private static async Task<bool> WithinAsync(Task task, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource();
        var finished = await Task.WhenAny(task, Task.Delay(timeout, cancel.Token)).ConfigureAwait(false);
        await cancel.CancelAsync().ConfigureAwait(false);
        return finished == task;
    }

    /// <summary>Keeps an error to one line even if a message (or a value quoted in it) spans several.</summary>
    private static string OneLine(string message) => SafeLineFormatter.Escape(message.Trim());

    private sealed record LoadedConfig(
        Config Config,
        IReadOnlyList<string> Sources,
        HostSettings Host,
        LogSettings Log,
        ActorSystemSettings Actors,
        TcpSettings Tcp,
        UdpSettings Udp,
        IReadOnlyList<EndpointSettings> Endpoints);
}
