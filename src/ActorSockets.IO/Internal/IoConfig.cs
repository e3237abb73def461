using Akka.Actor;
using Akka.Configuration;

namespace ActorSockets.IO.Internal;

/// <summary>
/// Reads the transport's settings from a system's Akka configuration, with the embedded reference.conf
/// (<see cref="ResourceName"/>) as the fallback for every key the application does not set.
/// </summary>
internal static class IoConfig
{
    public const string ResourceName = "ActorSockets.IO.reference.conf";

    private static readonly Lazy<Config> LazyReference = new(LoadReference);

    /// <summary>The embedded defaults, parsed by Akka's own HOCON parser.</summary>
    public static Config Reference => LazyReference.Value;

    /// <summary>
    /// Makes the embedded defaults the fallback of <paramref name="system"/>'s configuration, so that
    /// <c>ActorSystem.Create("name")</c> needs no configuration of ours. Idempotent.
    /// </summary>
    public static void InjectReference(ActorSystem system) => system.Settings.InjectTopLevelFallback(Reference);

    /// <summary>The section at <paramref name="path"/> of <paramref name="config"/>, the defaults behind it.</summary>
    public static Config Section(Config config, string path)
    {
        Config defaults = Reference.GetConfig(path);
        Config? section = config.IsEmpty ? null : config.GetConfig(path);
        return section is null || section.IsEmpty ? defaults : section.WithFallback(defaults);
    }

    public static int GetSizeAsInt(Config config, string path, long min)
    {
        long value = config.GetByteSize(path) ?? throw new ConfigurationException($"{path} is missing.");
        if (value < min || value > int.MaxValue)
        {
            throw new ConfigurationException($"{path} must be between {min} bytes and 2 GiB, not {value} bytes.");
        }

        return (int)value;
    }

    public static long GetSize(Config config, string path, long min)
    {
        long value = config.GetByteSize(path) ?? throw new ConfigurationException($"{path} is missing.");
        if (value < min)
        {
            throw new ConfigurationException($"{path} must be at least {min} bytes, not {value} bytes.");
        }

        return value;
    }

    public static int GetPositiveInt(Config config, string path)
    {
        int value = config.GetInt(path);
        if (value <= 0)
        {
            throw new ConfigurationException($"{path} must be positive, not {value}.");
        }

        return value;
    }

    public static TimeSpan GetPositiveTimeSpan(Config config, string path)
    {
        TimeSpan value = config.GetTimeSpan(path, null, allowInfinite: false);
        if (value <= TimeSpan.Zero)
        {
            throw new ConfigurationException($"{path} must be a positive duration, not {value}.");
        }

        return value;
    }

    private static Config LoadReference()
    {
        using Stream stream = typeof(IoConfig).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
