using ActorSockets.Hocon;

namespace ActorSockets.Host.Internal;

/// <summary>The host's own settings, from <c>actorsockets.host</c> (defaults in the host's reference.conf).</summary>
internal sealed record HostSettings(TimeSpan ShutdownTimeout, TimeSpan StartTimeout, bool Console)
{
    public const string Section = "actorsockets.host";

    public static HostSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new HostSettings(
            Positive(config, Section + ".shutdown-timeout"),
            Positive(config, Section + ".start-timeout"),
            config.GetBoolean(Section + ".console"));
    }

    private static TimeSpan Positive(Config config, string path)
    {
        var value = config.GetTimeSpan(path);
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
        {
            throw new ConfigException($"{path} must be a positive, finite duration (it is {config.GetString(path)})");
        }

        return value;
    }
}
