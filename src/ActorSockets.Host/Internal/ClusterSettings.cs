using System.Globalization;
using System.Text;
using ActorSockets.Hocon;
using ActorSockets.Protocols.Chat.Cluster;

namespace ActorSockets.Host.Internal;

/// <summary>
/// The host's cluster settings, from <c>actorsockets.cluster</c> (defaults in the host's reference.conf), and
/// what they render into Akka's tree. Off (the default) renders nothing: a single host, exactly as before.
/// On, the host becomes a member of an Akka.NET cluster whose chat endpoints are one chat (issue 13,
/// docs/cluster-chat.md).
/// </summary>
/// <param name="Enabled">Whether this host joins a cluster.</param>
/// <param name="Hostname">The address other hosts reach this one at (bound and advertised).</param>
/// <param name="Port">The cluster (remoting) port; 0 picks a free one.</param>
/// <param name="Seeds">The seed hosts, <c>host:port</c>; empty means this host forms a cluster by joining itself.</param>
internal sealed record ClusterSettings(bool Enabled, string Hostname, int Port, IReadOnlyList<ClusterSettings.Seed> Seeds)
{
    public const string Section = "actorsockets.cluster";

    /// <summary>Akka keys our settings own: setting them directly next to <c>enabled = on</c> is refused.</summary>
    private static readonly string[] OwnedAkkaKeys =
    [
        "akka.actor.provider",
        "akka.remote.dot-netty.tcp.hostname",
        "akka.remote.dot-netty.tcp.port",
        "akka.cluster.seed-nodes",
    ];

    /// <summary>One seed: <c>host:port</c>.</summary>
    public readonly record struct Seed(string Host, int Port)
    {
        public override string ToString() => Host.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
    }

    /// <summary>Reads and validates the section; throws <see cref="ConfigException"/> naming the key.</summary>
    public static ClusterSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var enabled = config.GetBoolean(Section + ".enabled");
        var hostname = config.GetString(Section + ".hostname").Trim();
        if (hostname.Length == 0 || hostname.Any(char.IsWhiteSpace))
        {
            throw new ConfigException($"{Section}.hostname must be a host name or IP address (it is \"{hostname}\")");
        }

        var port = config.GetInt(Section + ".port");
        if (port is < 0 or > 65535)
        {
            throw new ConfigException($"{Section}.port must be 0 (any free port) to 65535 (it is {port})");
        }

        var seeds = config.GetStringList(Section + ".seed-nodes").Select(ParseSeed).ToList();
        if (enabled)
        {
            foreach (var key in OwnedAkkaKeys.Where(config.HasPath))
            {
                throw new ConfigException(
                    $"{key} is set, but with {Section}.enabled = on the host sets it from {Section} (hostname, port, seed-nodes); remove {key}");
            }
        }

        return new ClusterSettings(enabled, hostname, port, seeds);
    }

    /// <summary>Parses <c>host:port</c> (or <c>[v6]:port</c>); throws <see cref="ConfigException"/> on anything else.</summary>
    public static Seed ParseSeed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        var colon = value.LastIndexOf(':');
        string host;
        if (value.StartsWith('[') && colon > 0 && value[colon - 1] == ']')
        {
            host = value[1..(colon - 1)];
        }
        else
        {
            host = colon > 0 ? value[..colon] : string.Empty;
        }

        if (colon < 0 || host.Length == 0 || host.Any(char.IsWhiteSpace) || (host.Contains(':', StringComparison.Ordinal) && !value.StartsWith('['))
            || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            throw new ConfigException(
                $"{Section}.seed-nodes: \"{text}\" is not host:port (a host name or IP address, a colon and a port 1-65535; IPv6 as [::1]:4053)");
        }

        return new Seed(host, port);
    }

    /// <summary>A seed's Akka address, for an actor system named <paramref name="systemName"/>.</summary>
    public static string AkkaAddress(string systemName, Seed seed) =>
        string.Create(CultureInfo.InvariantCulture, $"akka.tcp://{systemName}@{seed}");

    /// <summary>
    /// The HOCON to fall back on under the host's own tree when enabled (empty when not): the cluster provider,
    /// remoting's address, the seeds, the split-brain resolver timing the chat documents, and the chat's own
    /// Akka settings (<see cref="ClusterChatAkkaConfig"/>). Fallback, so any other <c>akka.*</c> key the user sets wins.
    /// </summary>
    public string ToAkkaHocon(string systemName)
    {
        if (!Enabled)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.AppendLine("akka.actor.provider = cluster");
        text.AppendLine(CultureInfo.InvariantCulture, $"akka.remote.dot-netty.tcp.hostname = {Quote(Hostname)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"akka.remote.dot-netty.tcp.port = {Port}");
        text.AppendLine(CultureInfo.InvariantCulture, $"akka.cluster.seed-nodes = [{string.Join(", ", Seeds.Select(s => Quote(AkkaAddress(systemName, s))))}]");
        // A crashed host is removed after the failure detector gives up (~5 s) plus stable-after; Akka's 20 s
        // is sized for large clusters (docs/cluster-chat.md, section 1).
        text.AppendLine("akka.cluster.split-brain-resolver.stable-after = 7s");
        // A host the resolver downs (the minority side) keeps serving its own members instead of stopping.
        text.AppendLine("akka.cluster.run-coordinated-shutdown-when-down = off");
        text.AppendLine("akka.cluster.log-info-verbose = off");
        // Chat lines are small and latency matters more than frames per syscall: with batching on, a quiet
        // chat's lines waited for remoting's flush (cluster-fanout: p99 added at 20 lines/s 19.9 ms on, 8.4 ms off).
        text.AppendLine("akka.remote.dot-netty.tcp.batching.enabled = off");
        // Leaving waits for the leader to confirm; when every host stops at once nobody may be left to confirm.
        // Akka's 5 s + 10 s for these phases would outlast actorsockets.host.shutdown-timeout (10 s).
        text.AppendLine("akka.coordinated-shutdown.phases.cluster-leave.timeout = 3s");
        text.AppendLine("akka.coordinated-shutdown.phases.cluster-exiting.timeout = 3s");
        text.AppendLine(ClusterChatAkkaConfig.Hocon);
        return text.ToString();
    }

    /// <summary>The banner's words for the seeds.</summary>
    public string SeedsText => Seeds.Count == 0 ? "none (this host forms the cluster)" : string.Join(" ", Seeds);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
