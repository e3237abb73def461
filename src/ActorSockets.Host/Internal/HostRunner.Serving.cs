using ActorSockets.Protocols;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using MsHostOptions = Microsoft.Extensions.Hosting.HostOptions;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Serving: a <c>Microsoft.Extensions.Hosting</c> host with Serilog as its logger, the actor system from
/// Akka.Hosting (<c>AddAkka</c>, fed the resolved configuration), the endpoints bound by
/// <see cref="EndpointsService"/>, and systemd notifications (<c>UseSystemd</c>). The runner drives the host
/// itself instead of <c>RunAsync</c>: a failed start must stop what started and become one line and exit
/// code 2, a signal must log its name and be bounded by <c>shutdown-timeout</c>, and a second one must exit
/// at once.
/// </summary>
internal sealed partial class HostRunner
{
    public const string ActorSystemName = "actorsockets";

    private async Task<int> ServeAsync(HostOptions options, LoadedConfig loaded, Logger logger)
    {
        // Akka.Logger.Serilog's SerilogLogger writes to the global logger.
        Log.Logger = logger;
        try
        {
            using var signals = new ShutdownSignals();
            signals.Register();
            var host = BuildHost(options, loaded, logger);
            var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ActorSockets.Host");
            if (!TryCreateActorSystem(host, out var system, out var akkaError))
            {
                host.Dispose();
                await _error.WriteLineAsync(Prefix + "Akka.NET cannot start with this configuration: " + OneLine(akkaError)).ConfigureAwait(false);
                return ExitUsageOrConfig;
            }

            StartCluster(system, loaded.Cluster);
            try
            {
                await host.StartAsync().ConfigureAwait(false);
            }
            catch (EndpointStartException ex)
            {
                await StopWithinAsync(host, loaded.Host.ShutdownTimeout, log).ConfigureAwait(false);
                await _error.WriteLineAsync(Prefix + EndpointError(ex)).ConfigureAwait(false);
                return ExitUsageOrConfig;
            }

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
                await StopWithinAsync(host, loaded.Host.ShutdownTimeout, log).ConfigureAwait(false);
                return ExitShutdownFailed;
            }

            var signal = await signals.Requested.ConfigureAwait(false);
            HostLog.ShuttingDown(log, signal, loaded.Host.ShutdownTimeout.TotalSeconds);
            var started = TimeProvider.System.GetTimestamp();

            // The signal is the reason; stopping the host then awaits the same run (Akka.Hosting's StopAsync).
            _ = CoordinatedShutdown.Get(system).Run(new SignalReason(signal));
            if (!await StopWithinAsync(host, loaded.Host.ShutdownTimeout, log).ConfigureAwait(false))
            {
                return ExitShutdownFailed;
            }

            HostLog.Stopped(log, (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            return ExitOk;
        }
        finally
        {
            Log.Logger = Logger.None;
        }
    }

    private IHost BuildHost(HostOptions options, LoadedConfig loaded, Logger logger) =>
        new HostBuilder()
            .ConfigureServices(services => services.AddSingleton<IHostLifetime, QuietLifetime>())
            .UseSystemd()
            .UseSerilog(logger, dispose: false)
            .ConfigureServices(services =>
            {
                services.Configure<MsHostOptions>(o => o.ShutdownTimeout = loaded.Host.ShutdownTimeout);
                services.AddAkka(ActorSystemName, akka => akka.AddHocon(loaded.Akka, HoconAddMode.Prepend));

                // Registered after AddAkka: hosted services start in order, so the actor system is up.
                services.AddSingleton(provider => new EndpointsService.Plan(
                    loaded.Endpoints,
                    loaded.Host.StartTimeout,
                    bindings => PrintBannerAsync(options, loaded, bindings, provider.GetRequiredService<ActorSystem>())));
                services.AddHostedService<EndpointsService>();
            })
            .Build();

    /// <summary>
    /// Creates the actor system (Akka.Hosting's singleton) before the host starts, so a setting Akka
    /// refuses (<c>akka.loglevel = LOUD</c>, a logger type that does not exist) is one line and exit code 2
    /// like any other configuration error, not a start failure with a stack trace.
    /// </summary>
    private static bool TryCreateActorSystem(IHost host, out ActorSystem system, out string error)
    {
        try
        {
            system = host.Services.GetRequiredService<ActorSystem>();
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or TypeLoadException
            or MissingMemberException or Akka.Configuration.ConfigurationException)
        {
            system = null!;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// Stops the host (coordinated shutdown, through Akka.Hosting) and waits for the actor system to
    /// terminate, at most <paramref name="timeout"/>; false, logged, when it ran out or failed. The host
    /// is disposed only when it did stop: disposing waits for the actor system without a limit.
    /// </summary>
    private static async Task<bool> StopWithinAsync(IHost host, TimeSpan timeout, Microsoft.Extensions.Logging.ILogger log)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var system = host.Services.GetRequiredService<ActorSystem>();
        try
        {
            await Task.WhenAll(host.StopAsync(cancel.Token), system.WhenTerminated).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            HostLog.ShutdownTimedOut(log, timeout.TotalSeconds);
            return false;
        }
        catch (AggregateException ex)
        {
            // Host.StopAsync gathers what the hosted services threw.
            HostLog.ShutdownFailed(log, ex);
            return false;
        }

        host.Dispose();
        return true;
    }

    private static string EndpointError(EndpointStartException ex)
    {
        var message = OneLine(ex.Message);
        return message.Contains($"'{ex.EndpointName}'", StringComparison.Ordinal)
            ? message
            : $"endpoint '{ex.EndpointName}' ({ex.Address}): {message}";
    }

    /// <summary>
    /// With <c>actorsockets.cluster.enabled = on</c>: logs the cluster's events (<see cref="ClusterWatch"/>) and,
    /// with no seeds, joins itself so a first host forms the cluster. With seeds Akka joins them by itself and
    /// keeps retrying while none answers; the endpoints serve their local members meanwhile.
    /// </summary>
    private static void StartCluster(ActorSystem system, ClusterSettings settings)
    {
        if (!settings.Enabled)
        {
            return;
        }

        system.ActorOf(ClusterWatch.CreateProps(settings.SeedsText), "cluster-watch");
        if (settings.Seeds.Count == 0)
        {
            var cluster = Akka.Cluster.Cluster.Get(system);
            cluster.Join(cluster.SelfAddress);
        }
    }

    private async Task PrintBannerAsync(HostOptions options, LoadedConfig loaded, IReadOnlyList<EndpointBinding> bindings, ActorSystem system)
    {
        var lines = bindings
            .Select(b => Banner.EndpointLine(
                b.Settings.Name,
                b.Settings.Transport == EndpointTransport.Tcp ? "tcp" : "udp",
                b.LocalAddress,
                b.Settings.Protocol,
                b.Settings.IoManager == EndpointIoManager.Akka ? "akka" : "actorsockets"))
            .ToList();
        if (loaded.Cluster.Enabled)
        {
            lines.Add(Banner.ClusterLine(Akka.Cluster.Cluster.Get(system).SelfAddress.ToString(), loaded.Cluster.SeedsText));
        }

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
}
