using Akka.Configuration;

namespace ActorSockets.IO.Tests;

public class UdpSettingsTests
{
    [Fact]
    public void FromConfig_DropLogInterval_IsRead()
    {
        Config config = ConfigurationFactory.ParseString("actorsockets.io.udp.drop-log-interval = 250 ms");

        Assert.Equal(TimeSpan.FromMilliseconds(250), UdpSettings.FromConfig(config).DropLogInterval);
    }

    [Fact]
    public void FromConfig_EmptyConfig_DropLogIntervalIsTheDocumentedDefault()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), UdpSettings.FromConfig(Config.Empty).DropLogInterval);
    }

    [Fact]
    public void FromConfig_ZeroDropLogInterval_ThrowsConfigurationExceptionNamingTheKey()
    {
        Config config = ConfigurationFactory.ParseString("actorsockets.io.udp.drop-log-interval = 0 s");

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => UdpSettings.FromConfig(config));

        Assert.Contains("drop-log-interval", error.Message, StringComparison.Ordinal);
    }
}
