using System.Reflection;
using ActorSockets.Hocon;
using ActorSockets.Protocols;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Builds the host's configuration. Layers, highest first: the <c>--set</c> overrides, the <c>--config</c>
/// file, <c>hocon/actorsockets.conf</c>, and the reference.conf each library embeds (host, protocols).
/// Akka.NET's own defaults are not among them: Akka applies its reference.conf under whatever the host
/// hands it (<see cref="AkkaBridge"/>).
/// </summary>
internal static class HostConfig
{
    public const string DefaultFile = "actorsockets.conf";
    public const string ConfigFolder = "hocon";

    /// <summary>The assemblies whose embedded reference.conf supply the defaults, most specific first.</summary>
    public static Assembly[] ReferenceAssemblies =>
        [typeof(HostConfig).Assembly, typeof(EndpointHost).Assembly, typeof(ActorSockets.IO.SocketsTcpExt).Assembly];

    /// <summary>
    /// Finds <c>hocon/actorsockets.conf</c>: in <paramref name="currentDirectory"/> and its parents up to the
    /// repository root (the first folder holding <c>.git</c> or <c>ActorSockets.sln</c>), then in
    /// <paramref name="binaryDirectory"/>. Null when there is none.
    /// </summary>
    public static string? FindDefaultFile(string currentDirectory, string binaryDirectory)
    {
        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ConfigFolder, DefaultFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (IsRepositoryRoot(dir))
            {
                break;
            }
        }

        var nextToBinary = Path.Combine(binaryDirectory, ConfigFolder, DefaultFile);
        return File.Exists(nextToBinary) ? nextToBinary : null;
    }

    /// <summary>
    /// Loads and resolves the layered config. Throws <see cref="HoconParseException"/> (with file:line:col)
    /// or <see cref="ConfigException"/>; the <paramref name="sources"/> name the files used, lowest first.
    /// </summary>
    public static Config Load(HostOptions options, string currentDirectory, string binaryDirectory, out IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(options);
        var used = new List<string>();
        var application = Config.Empty;
        var defaultFile = FindDefaultFile(currentDirectory, binaryDirectory);
        if (defaultFile is not null)
        {
            application = ConfigFactory.ParseFile(defaultFile);
            used.Add(defaultFile);
        }
        else if (options.ConfigFile is null)
        {
            throw new ConfigException(
                $"cannot find {ConfigFolder}/{DefaultFile} in {currentDirectory} or its parents, nor next to the binary in {binaryDirectory}; pass --config FILE");
        }

        if (options.ConfigFile is not null)
        {
            var path = Path.GetFullPath(options.ConfigFile, currentDirectory);
            if (!File.Exists(path))
            {
                throw new ConfigException($"config file not found: {path}");
            }

            application = ConfigFactory.ParseFile(path).WithFallback(application);
            used.Add(path);
        }

        if (options.Overrides.Count > 0)
        {
            application = application.WithOverrides(options.Overrides);
        }

        sources = used;
        return ConfigFactory.Load(application, ReferenceAssemblies);
    }

    private static bool IsRepositoryRoot(DirectoryInfo dir) =>
        Directory.Exists(Path.Combine(dir.FullName, ".git"))
        || File.Exists(Path.Combine(dir.FullName, ".git"))
        || File.Exists(Path.Combine(dir.FullName, "ActorSockets.sln"));
}
