using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorSockets.Hocon;
using ActorSockets.Protocols.Internal;

namespace ActorSockets.Protocols;

/// <summary>
/// One endpoint the host serves, read from <c>actorsockets.endpoints.&lt;name&gt;</c> with
/// <see cref="FromConfig"/>: where it listens, which protocol it speaks, and the limits of its connections.
/// </summary>
/// <remarks>
/// Every key an endpoint does not set falls back to <c>actorsockets.endpoint-defaults</c> and then to
/// <c>actorsockets.protocols.&lt;protocol&gt;</c>; the embedded <c>reference.conf</c> documents every key and its
/// default. <see cref="Config"/> is that merged view, from which each protocol reads its own settings (reply
/// texts, the chat's queue limits).
/// </remarks>
public sealed record EndpointSettings
{
    /// <summary>The section that holds the endpoints.</summary>
    public const string EndpointsPath = "actorsockets.endpoints";

    /// <summary>The section every endpoint falls back to.</summary>
    public const string DefaultsPath = "actorsockets.endpoint-defaults";

    /// <summary>The section that holds each protocol's defaults.</summary>
    public const string ProtocolsPath = "actorsockets.protocols";

    /// <summary>The name of the embedded defaults.</summary>
    public const string ReferenceResourceName = "ActorSockets.Protocols.reference.conf";

    private static readonly Lazy<Config> LazyReference =
        new(() => ConfigFactory.FromResource(typeof(EndpointSettings).Assembly, ReferenceResourceName));

    /// <summary>The endpoint's name: its key under <c>actorsockets.endpoints</c>.</summary>
    public required string Name { get; init; }

    /// <summary>TCP or UDP.</summary>
    public required EndpointTransport Transport { get; init; }

    /// <summary>The protocol it speaks, one of <see cref="KnownProtocols"/>.</summary>
    public required string Protocol { get; init; }

    /// <summary>The address to listen on. Defaults to 127.0.0.1.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>A Unix domain socket path to listen on instead of <see cref="Host"/> and <see cref="Port"/>, or null.</summary>
    public string? Path { get; init; }

    /// <summary>How long a connection may stay without input before the protocol's timeout behaviour; null for never (the default).</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>Connections beyond this many are closed at once. Defaults to 1000.</summary>
    public int MaxConnections { get; init; } = 1000;

    /// <summary>The longest accepted line in bytes, before its terminator. Defaults to 4096.</summary>
    public int MaxLineLength { get; init; } = 4096;

    /// <summary>
    /// Which TCP/UDP manager the endpoint binds through (<c>io-manager</c>). Defaults to <see cref="EndpointIoManager.Akka"/>.
    /// </summary>
    public EndpointIoManager IoManager { get; init; } = EndpointIoManager.Akka;

    /// <summary>The <c>io-manager</c> value of <see cref="IoManager"/>, as the banner prints it: <c>akka</c> or <c>actorsockets</c>.</summary>
    public string IoManagerName => IoManager == EndpointIoManager.Akka ? "akka" : "actorsockets";

    /// <summary>How long a closing session waits for its last writes to be flushed. Defaults to 5 s.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The endpoint's own keys over <c>endpoint-defaults</c> over the protocol's defaults: where a protocol
    /// reads its settings. Defaults to the protocol's defaults from the embedded <c>reference.conf</c>.
    /// </summary>
    public Config Config { get; init; } = Config.Empty;

    /// <summary>The protocols an endpoint can speak: ok, welcome, greeting, clock, hi, udp-hi, udp-time, chat.</summary>
    public static IReadOnlyList<string> KnownProtocols => ProtocolCatalog.Names;

    /// <summary>The embedded <c>reference.conf</c>: every endpoint and protocol default, commented.</summary>
    public static Config Reference => LazyReference.Value;

    /// <summary>The socket address to bind: a Unix domain socket for <see cref="Path"/>, else <see cref="Host"/> and <see cref="Port"/>.</summary>
    public EndPoint BindAddress =>
        Path is not null ? new UnixDomainSocketEndPoint(Path) : new IPEndPoint(ParseHost(Host) ?? IPAddress.Loopback, Port);

    /// <summary>
    /// Creates the settings of one endpoint from the defaults alone, with the keys of <paramref name="hocon"/> applied,
    /// as tests and embedders do. Unset keys are the protocol's defaults from <c>reference.conf</c>.
    /// </summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="protocol">The protocol, one of <see cref="KnownProtocols"/>.</param>
    /// <param name="hocon">Extra keys of the endpoint object in HOCON (<c>reply = "yes"</c>), or null.</param>
    /// <exception cref="EndpointConfigException">The protocol is unknown or a value is invalid.</exception>
    public static EndpointSettings Create(string name, string protocol, string? hocon = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(protocol);
        var endpoint = ConfigFactory.ParseString(
            $"protocol = \"{protocol}\"\nport = 0\n{hocon ?? string.Empty}", $"endpoint '{name}'");
        var root = ConfigFactory.Empty.WithFallback(Reference);
        return Read(name, endpoint, root);
    }

    /// <summary>
    /// Reads every endpoint under <c>actorsockets.endpoints</c> of <paramref name="root"/> (layered over the
    /// embedded defaults), in the order they are written, skipping those with <c>enabled = off</c>.
    /// </summary>
    /// <exception cref="EndpointConfigException">An endpoint's config is invalid; the message names the endpoint and the key.</exception>
    public static IReadOnlyList<EndpointSettings> FromConfig(Config root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var merged = root.WithFallback(Reference).Resolve();
        var endpoints = new List<EndpointSettings>();
        foreach (var name in merged.GetKeys(EndpointsPath))
        {
            Config endpoint;
            try
            {
                endpoint = merged.GetConfig($"{EndpointsPath}.{Quote(name)}");
            }
            catch (ConfigException e)
            {
                throw new EndpointConfigException(name, string.Empty, $"must be an object of settings ({e.Message})", e);
            }

            if (!ReadEnabled(name, endpoint, merged))
            {
                continue;
            }

            endpoints.Add(Read(name, endpoint, merged));
        }

        var clash = endpoints
            .Where(e => e.Path is null && e.Port != 0)
            .GroupBy(e => (e.Transport, e.Port, Host: NormalizedHost(e.Host)))
            .FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var names = clash.Select(e => e.Name).ToList();
            throw new EndpointConfigException(
                names[1], "port",
                $"port {clash.Key.Port.ToString(CultureInfo.InvariantCulture)} is already used by endpoint '{names[0]}'");
        }

        return endpoints;
    }

    /// <summary>Describes where the endpoint listens, for logs and errors: <c>tcp 127.0.0.1:8001</c>, <c>tcp unix:/run/chat.sock</c>.</summary>
    public string DescribeAddress() => Describe(BindAddress);

    /// <summary>Describes <paramref name="address"/> on this endpoint's transport, such as the real address once bound.</summary>
    public string Describe(EndPoint address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var transport = Transport == EndpointTransport.Tcp ? "tcp" : "udp";
        return address is UnixDomainSocketEndPoint unix ? $"{transport} unix:{unix}" : $"{transport} {address}";
    }

    private static bool ReadEnabled(string name, Config endpoint, Config merged) =>
        Guard(name, "enabled", () => endpoint.GetBoolean("enabled", merged.GetBoolean($"{DefaultsPath}.enabled", true)));

    private static EndpointSettings Read(string name, Config endpoint, Config merged)
    {
        var protocol = Guard(name, "protocol", () => endpoint.GetString("protocol", null))
            ?? throw new EndpointConfigException(name, "protocol", $"no protocol set (known: {string.Join(", ", ProtocolCatalog.Names)})");
        var entry = ProtocolCatalog.Find(protocol)
            ?? throw new EndpointConfigException(name, "protocol", $"unknown protocol '{protocol}' (known: {string.Join(", ", ProtocolCatalog.Names)})");
        var protocolDefaults = merged.GetConfig($"{ProtocolsPath}.{Quote(entry.Name)}");
        var defaults = merged.GetConfig(DefaultsPath);
        var config = endpoint.WithFallback(defaults).WithFallback(protocolDefaults).Resolve();

        var transportText = endpoint.HasPath("transport")
            ? Guard(name, "transport", () => endpoint.GetString("transport"))
            : Guard(name, "transport", () => protocolDefaults.GetString("transport", null) ?? defaults.GetString("transport", "tcp")!);
        var transport = transportText.ToUpperInvariant() switch
        {
            "TCP" => EndpointTransport.Tcp,
            "UDP" => EndpointTransport.Udp,
            _ => throw new EndpointConfigException(name, "transport", $"unknown transport '{transportText}' (known: tcp, udp)"),
        };
        if (transport != entry.Transport)
        {
            throw new EndpointConfigException(
                name, "transport",
                $"protocol '{entry.Name}' runs over {Lower(entry.Transport)}, but transport is {Lower(transport)}");
        }

        var settings = new EndpointSettings
        {
            Name = name,
            Transport = transport,
            Protocol = entry.Name,
            Host = ReadHost(name, config),
            Port = ReadPort(name, config),
            Path = ReadPath(name, config, transport),
            IdleTimeout = ReadOptionalDuration(name, config, "idle-timeout"),
            MaxConnections = ReadPositiveInt(name, config, "max-connections"),
            MaxLineLength = ReadSize(name, config, "max-line-length", 1, 1024 * 1024),
            CloseTimeout = ReadOptionalDuration(name, config, "close-timeout") ?? TimeSpan.FromSeconds(5),
            IoManager = ReadIoManager(name, config),
            Config = config,
        };

        // Reading the protocol's own keys now means a bad reply text or queue limit fails at startup
        // (and in the host's --check), naming the endpoint, not when the first client connects.
        entry.Validate(settings);
        return settings;
    }

    private static EndpointIoManager ReadIoManager(string name, Config config)
    {
        var text = Guard(name, "io-manager", () => config.GetString("io-manager", "akka")!).Trim();
        return text.ToUpperInvariant() switch
        {
            "AKKA" => EndpointIoManager.Akka,
            "ACTORSOCKETS" => EndpointIoManager.ActorSockets,
            _ => throw new EndpointConfigException(name, "io-manager", $"unknown io-manager '{text}' (known: actorsockets, akka)"),
        };
    }

    private static string ReadHost(string name, Config config)
    {
        var host = Guard(name, "host", () => config.GetString("host", "127.0.0.1")!).Trim();
        return ParseHost(host) is not null
            ? host
            : throw new EndpointConfigException(name, "host", $"host '{host}' is not an IP address or 'localhost'");
    }

    private static int ReadPort(string name, Config config)
    {
        if (!config.HasPath("port"))
        {
            if (config.HasPath("path"))
            {
                return 0;
            }

            throw new EndpointConfigException(name, "port", "no port set (or path, for a Unix domain socket)");
        }

        var port = Guard(name, "port", () => config.GetInt("port"));
        return port is >= 0 and <= 65535
            ? port
            : throw new EndpointConfigException(name, "port", $"port {port.ToString(CultureInfo.InvariantCulture)} is outside 0-65535");
    }

    private static string? ReadPath(string name, Config config, EndpointTransport transport)
    {
        var path = Guard(name, "path", () => config.GetString("path", null));
        if (path is null)
        {
            return null;
        }

        if (path.Length == 0)
        {
            throw new EndpointConfigException(name, "path", "path is empty");
        }

        if (transport != EndpointTransport.Tcp)
        {
            throw new EndpointConfigException(name, "path", "a Unix domain socket path needs transport tcp");
        }

        return path;
    }

    internal static TimeSpan? ReadOptionalDuration(string name, Config config, string key)
    {
        var text = Guard(name, key, () => config.GetString(key, null));
        if (text is null || text.Trim().ToUpperInvariant() is "OFF" or "FALSE" or "NO" or "NONE" or "INFINITE")
        {
            return null;
        }

        var value = Guard(name, key, () => config.GetTimeSpan(key));
        return value > TimeSpan.Zero
            ? value
            : throw new EndpointConfigException(name, key, $"{key} must be a positive duration or off, not {text}");
    }

    internal static int ReadPositiveInt(string name, Config config, string key)
    {
        var value = Guard(name, key, () => config.GetInt(key));
        return value > 0
            ? value
            : throw new EndpointConfigException(name, key, $"{key} must be at least 1, not {value.ToString(CultureInfo.InvariantCulture)}");
    }

    internal static int ReadSize(string name, Config config, string key, long min, long max)
    {
        var value = Guard(name, key, () => config.GetByteSize(key));
        return value >= min && value <= max
            ? (int)value
            : throw new EndpointConfigException(
                name, key,
                $"{key} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)} bytes, not {value.ToString(CultureInfo.InvariantCulture)}");
    }

    internal static string ReadString(string name, Config config, string key) =>
        Guard(name, key, () => config.GetString(key));

    /// <summary>Runs a config getter, turning its <see cref="ConfigException"/> into one naming the endpoint and key.</summary>
    internal static T Guard<T>(string name, string key, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ConfigException e) when (e is not EndpointConfigException)
        {
            throw new EndpointConfigException(name, key, $"{key}: {e.Message}", e);
        }
    }

    private static IPAddress? ParseHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) ? address : null;
    }

    private static string NormalizedHost(string host) => ParseHost(host)?.ToString() ?? host;

    private static string Lower(EndpointTransport transport) => transport == EndpointTransport.Tcp ? "tcp" : "udp";

    private static string Quote(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : "\"" + key.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
