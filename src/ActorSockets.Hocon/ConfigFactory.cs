using System.Reflection;
using ActorSockets.Hocon.Internal;

namespace ActorSockets.Hocon;

/// <summary>Creates <see cref="Config"/> instances from text, files, embedded resources and layered defaults.</summary>
public static class ConfigFactory
{
    /// <summary>A config with no values.</summary>
    public static Config Empty => Config.Empty;

    /// <summary>
    /// Parses HOCON text. <paramref name="origin"/> names the text in error messages (defaults to "(string)");
    /// includes are looked up relative to the current directory. Substitutions are resolved on first read.
    /// </summary>
    public static Config ParseString(string text, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Config(Parser.ParseDocument(text, origin ?? "(string)", FileIncluder.ForCurrentDirectory()));
    }

    /// <summary>Parses a HOCON file; includes in it are looked up relative to its directory.</summary>
    public static Config ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"Cannot read config file '{path}': {ex.Message}", ex);
        }

        return new Config(Parser.ParseDocument(text, path, FileIncluder.ForFile(path), Path.GetFullPath(path)));
    }

    /// <summary>
    /// Parses an embedded resource of <paramref name="assembly"/>. Includes in it name other resources of the
    /// same assembly. Throws <see cref="ConfigException"/> when the resource does not exist.
    /// </summary>
    public static Config FromResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        var text = ReadResource(assembly, resourceName)
            ?? throw new ConfigException($"Assembly {assembly.GetName().Name} has no embedded resource '{resourceName}' (it has: {string.Join(", ", assembly.GetManifestResourceNames())})");
        var source = $"{assembly.GetName().Name}:{resourceName}";
        return new Config(Parser.ParseDocument(text, source, new ResourceIncluder(assembly, resourceName), source));
    }

    /// <summary>
    /// Layers <paramref name="application"/> over the <c>reference.conf</c> defaults embedded in each of
    /// <paramref name="referenceAssemblies"/> (every resource whose name ends in <c>reference.conf</c>; earlier
    /// assemblies win over later ones) and resolves the result, so substitution errors surface here.
    /// </summary>
    /// <remarks>
    /// A library embeds its defaults with
    /// <c>&lt;EmbeddedResource Include="reference.conf" LogicalName="&lt;AssemblyName&gt;.reference.conf" /&gt;</c>.
    /// </remarks>
    public static Config Load(Config? application = null, params Assembly[] referenceAssemblies)
    {
        ArgumentNullException.ThrowIfNull(referenceAssemblies);
        var config = application ?? Config.Empty;
        foreach (var assembly in referenceAssemblies.Distinct())
        {
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith("reference.conf", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                config = config.WithFallback(FromResource(assembly, name));
            }
        }

        return config.Resolve();
    }

    internal static string? ReadResource(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
