using ActorSockets.Hocon;

namespace ActorSockets.IO.Internal;

/// <summary>The embedded <c>reference.conf</c> and the checked getters the settings types share.</summary>
internal static class IoConfig
{
    public const string ResourceName = "ActorSockets.IO.reference.conf";

    private static readonly Lazy<Config> LazyReference =
        new(() => ConfigFactory.FromResource(typeof(IoConfig).Assembly, ResourceName));

    public static Config Reference => LazyReference.Value;

    /// <summary>The <paramref name="section"/> of <paramref name="config"/>, with the reference defaults under it.</summary>
    public static Config Section(Config config, string section) =>
        config.WithFallback(Reference).Resolve().GetConfig(section);

    public static int GetSizeAsInt(Config config, string path, long min)
    {
        long value = config.GetByteSize(path);
        if (value < min || value > int.MaxValue)
        {
            throw new ConfigException($"{path} must be between {min} bytes and 2 GiB, not {value} bytes.");
        }

        return (int)value;
    }

    public static int GetPositiveInt(Config config, string path)
    {
        int value = config.GetInt(path);
        if (value <= 0)
        {
            throw new ConfigException($"{path} must be positive, not {value}.");
        }

        return value;
    }

    public static TimeSpan GetPositiveTimeSpan(Config config, string path)
    {
        TimeSpan value = config.GetTimeSpan(path);
        if (value <= TimeSpan.Zero)
        {
            throw new ConfigException($"{path} must be a positive duration, not {value}.");
        }

        return value;
    }
}
