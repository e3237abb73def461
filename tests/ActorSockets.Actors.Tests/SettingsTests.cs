using ActorSockets.Actors;
using ActorSockets.Hocon;

namespace ActorSockets.Actors.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void FromConfig_Empty_UsesReferenceDefaults()
    {
        var settings = ActorSystemSettings.FromConfig(Config.Empty);
        Assert.Equal(100, settings.DefaultThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.AskTimeout);
        Assert.Equal(10, settings.LogDeadLetters);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.LogDeadLettersSuspendDuration);
        Assert.False(settings.LogDeadLettersDuringShutdown);
        Assert.Equal(10_000, settings.StashCapacity);
        Assert.Null(settings.DefaultMailbox);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.CoordinatedShutdownPhaseTimeouts[CoordinatedShutdown.PhaseActorSystemTerminate]);
        Assert.True(settings.CoordinatedShutdownRunByActorSystemTerminate);
    }

    [Fact]
    public void FromConfig_Overrides_AreRead()
    {
        var settings = ActorSystemSettings.FromConfig(ConfigFactory.ParseString("""
            actorsockets.actor {
              default-dispatcher.throughput = 5
              dispatchers.io.throughput = 7
              mailboxes.small { mailbox-capacity = 3, overflow-strategy = fail }
              default-mailbox = small
              ask-timeout = 2s
              log-dead-letters = off
              coordinated-shutdown.phases.service-unbind.timeout = 1s
            }
            """));
        Assert.Equal(5, settings.DefaultThroughput);
        Assert.Equal(7, settings.Dispatchers["io"]);
        Assert.Equal(new MailboxSettings(3, MailboxOverflowStrategy.Fail), settings.Mailboxes["small"]);
        Assert.Equal("small", settings.DefaultMailbox);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.AskTimeout);
        Assert.Equal(0, settings.LogDeadLetters);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.CoordinatedShutdownPhaseTimeouts[CoordinatedShutdown.PhaseServiceUnbind]);
        Assert.Equal(100, ActorSystemSettings.ReferenceConfig.GetInt("actorsockets.actor.default-dispatcher.throughput"));
    }

    [Theory]
    [InlineData("actorsockets.actor.default-dispatcher.throughput = 0")]
    [InlineData("actorsockets.actor.mailboxes.m { mailbox-capacity = 10, overflow-strategy = drop-oldest }")]
    [InlineData("actorsockets.actor.log-dead-letters = -1")]
    public void FromConfig_InvalidValue_ThrowsConfigException(string hocon)
    {
        Assert.Throws<ConfigException>(() => ActorSystemSettings.FromConfig(ConfigFactory.ParseString(hocon)));
    }

    [Fact]
    public async Task Create_WithHoconString_ExposesSettingsAndConfig()
    {
        var system = ActorSystem.Create("configured", "actorsockets.actor.ask-timeout = 7s\nmy-app.answer = 42");
        try
        {
            Assert.Equal(TimeSpan.FromSeconds(7), system.Settings.AskTimeout);
            Assert.Equal(42, system.Settings.Config.GetInt("my-app.answer"));
            Assert.Equal(100, system.Settings.DefaultThroughput);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public void Create_InvalidSystemName_Throws()
    {
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name"));
    }
}
