using Akka.Configuration;

namespace ActorSockets.IO.Tests;

public class TcpSettingsTests
{
    [Fact]
    public void FromConfig_EmptyConfig_ReferenceConfMatchesDocumentedDefaults()
    {
        TcpSettings settings = TcpSettings.FromConfig(Config.Empty);

        Assert.Equal(TcpSettings.Default, settings);
        Assert.Equal(64 * 1024, settings.ReceiveBufferSize);
        Assert.True(settings.ReuseAddress);
        Assert.True(settings.NoDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.CloseTimeout);
    }

    [Fact]
    public void FromConfig_ApplicationOverrides_WinOverReference()
    {
        Config config = ConfigurationFactory.ParseString("""
            actorsockets.io.tcp {
              receive-buffer-size = 4 KiB
              write-queue-limit = 0
              register-timeout = 250 ms
              max-connections = 3
              no-delay = off
              close-timeout = 2 s
            }
            """);

        TcpSettings settings = TcpSettings.FromConfig(config);

        Assert.Equal(4096, settings.ReceiveBufferSize);
        Assert.Equal(0, settings.WriteQueueLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.RegisterTimeout);
        Assert.Equal(3, settings.MaxConnections);
        Assert.False(settings.NoDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.CloseTimeout);
        Assert.Equal(1024, settings.Backlog);
    }

    [Fact]
    public void FromConfig_NonPositiveBacklog_ThrowsConfigurationExceptionNamingTheKey()
    {
        Config config = ConfigurationFactory.ParseString("actorsockets.io.tcp.backlog = 0");

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => TcpSettings.FromConfig(config));

        Assert.Contains("backlog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UdpFromConfig_EmptyConfig_ReferenceConfMatchesDocumentedDefaults()
    {
        UdpSettings settings = UdpSettings.FromConfig(Config.Empty);

        Assert.Equal(UdpSettings.Default, settings);
    }

    [Fact]
    public void UdpFromConfig_MaxDatagramSize_IsRead()
    {
        Config config = ConfigurationFactory.ParseString("actorsockets.io.udp.max-datagram-size = 1 KiB");

        Assert.Equal(1024, UdpSettings.FromConfig(config).MaxDatagramSize);
    }
}
