using ActorSockets.Hocon;
using Serilog.Events;
using AkkaConfig = Akka.Configuration.Config;
using AkkaConfigurationFactory = Akka.Configuration.ConfigurationFactory;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Hands the host's configuration to Akka.NET. Our HOCON library has already parsed, layered, validated
/// and resolved every file (with file:line:col errors); Akka only ever parses the rendered result: plain
/// objects, quoted strings, numbers and lists, with no substitution, include or <c>+=</c> left for its own
/// parser to get wrong. The whole tree goes across, so <c>akka.*</c> keys set in
/// <c>hocon/actorsockets.conf</c>, <c>--config</c> or <c>--set</c> reach Akka's <c>Settings</c> like any other.
/// </summary>
internal static class AkkaBridge
{
    /// <summary>The resolved tree as Akka's <see cref="AkkaConfig"/>.</summary>
    /// <remarks>
    /// <c>akka.loglevel</c> follows the host's log level (<c>actorsockets.log.level</c> or <c>--log-level</c>)
    /// unless the configuration sets it itself, so Akka does not build Debug events Serilog would drop,
    /// nor drop Debug events Serilog would show.
    /// </remarks>
    public static AkkaConfig ToAkka(Config resolved, LogEventLevel hostLevel, string clusterHocon = "")
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(clusterHocon);
        var tree = resolved.HasPath("akka.loglevel")
            ? resolved
            : resolved.WithFallback(ConfigFactory.ParseString($"akka.loglevel = {AkkaLevel(hostLevel)}", "the host's log level"));
        if (clusterHocon.Length > 0)
        {
            // Under the user's tree: every akka.cluster.* key set in a file or with --set wins over these defaults.
            tree = tree.WithFallback(ConfigFactory.ParseString(clusterHocon, "actorsockets.cluster"));
        }

        return AkkaConfigurationFactory.ParseString(tree.Render());
    }

    /// <summary>Akka's name for the level that lets through at least what Serilog shows at <paramref name="level"/>.</summary>
    public static string AkkaLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => "DEBUG",
        LogEventLevel.Information => "INFO",
        LogEventLevel.Warning => "WARNING",
        _ => "ERROR",
    };
}
