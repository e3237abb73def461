using ActorSockets.Hocon;
using ActorSockets.Host.Internal;
using ActorSockets.Protocols.Chat.Cluster;
using Serilog.Events;

namespace ActorSockets.Host.Tests;

/// <summary>
/// <c>actorsockets.cluster</c>: read with the host's defaults, validated, and rendered into the tree Akka gets
/// (<see cref="AkkaBridge"/>): off renders nothing, on renders the cluster provider, remoting's address and the
/// seeds as Akka addresses, under anything the user set for Akka.
/// </summary>
public sealed class ClusterSettingsTests
{
    private static Config Load(string text) =>
        ConfigFactory.Load(ConfigFactory.ParseString(text, "test.conf"), HostConfig.ReferenceAssemblies);

    [Fact]
    public void Defaults_AreOff_AndRenderNothing()
    {
        var config = Load(string.Empty);
        var settings = ClusterSettings.FromConfig(config);

        Assert.False(settings.Enabled);
        Assert.Equal("127.0.0.1", settings.Hostname);
        Assert.Equal(4053, settings.Port);
        Assert.Empty(settings.Seeds);
        Assert.Equal(string.Empty, settings.ToAkkaHocon("actorsockets"));
        var akka = AkkaBridge.ToAkka(config, LogEventLevel.Information, settings.ToAkkaHocon("actorsockets"));
        Assert.False(akka.HasPath("akka.actor.provider"));
    }

    [Fact]
    public void Enabled_RendersProviderAddressAndSeeds_ForAkka()
    {
        var config = Load("""
            actorsockets.cluster { enabled = on, hostname = "10.0.0.5", port = 0, seed-nodes = ["10.0.0.5:4053", "[::1]:4054"] }
            """);
        var settings = ClusterSettings.FromConfig(config);

        var akka = AkkaBridge.ToAkka(config, LogEventLevel.Information, settings.ToAkkaHocon("actorsockets"));

        Assert.Equal("cluster", akka.GetString("akka.actor.provider"));
        Assert.Equal("10.0.0.5", akka.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(0, akka.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal(
            ["akka.tcp://actorsockets@10.0.0.5:4053", "akka.tcp://actorsockets@[::1]:4054"],
            akka.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal(TimeSpan.FromSeconds(7), akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.False(akka.GetBoolean("akka.cluster.run-coordinated-shutdown-when-down"));
        Assert.Equal(TimeSpan.FromSeconds(3), akka.GetTimeSpan("akka.coordinated-shutdown.phases.cluster-exiting.timeout"));
        Assert.False(akka.GetBoolean("akka.remote.dot-netty.tcp.batching.enabled"));
        Assert.Contains("DistributedPubSubExtensionProvider", akka.GetStringList("akka.extensions")[0], StringComparison.Ordinal);
        Assert.Equal("10.0.0.5:4053 [::1]:4054", settings.SeedsText);
    }

    [Fact]
    public async Task Enabled_MessagesBetweenChatHosts_UseTheChatsSerializer()
    {
        var config = Load("actorsockets.cluster.enabled = on");
        var settings = ClusterSettings.FromConfig(config);
        var akka = AkkaBridge.ToAkka(config, LogEventLevel.Warning, settings.ToAkkaHocon("actorsockets"));

        // The rendered tree on a local actor system: only the serialization settings matter here.
        var local = Akka.Configuration.ConfigurationFactory.ParseString("akka.actor.provider = local\nakka.extensions = []").WithFallback(akka);
        var system = Akka.Actor.ActorSystem.Create("serialization", local);
        var line = new Relayed("akka.tcp://actorsockets@127.0.0.1:4053#1", 1, new RoomLine("akka.tcp://actorsockets@127.0.0.1:4053#1", "lobby", "[a] hi"));

        try
        {
            Assert.IsType<ClusterChatSerializer>(system.Serialization.FindSerializerFor(line));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public void Enabled_AkkaClusterKeysTheUserSets_WinOverTheHostsDefaults()
    {
        var config = Load("""
            actorsockets.cluster.enabled = on
            akka.cluster.split-brain-resolver.stable-after = 3s
            """);
        var settings = ClusterSettings.FromConfig(config);

        var akka = AkkaBridge.ToAkka(config, LogEventLevel.Information, settings.ToAkkaHocon("actorsockets"));

        Assert.Equal(TimeSpan.FromSeconds(3), akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
    }

    [Theory]
    [InlineData("akka.actor.provider = cluster")]
    [InlineData("akka.remote.dot-netty.tcp.port = 5000")]
    [InlineData("akka.remote.dot-netty.tcp.hostname = \"h\"")]
    [InlineData("akka.cluster.seed-nodes = [\"akka.tcp://actorsockets@h:1\"]")]
    public void Enabled_WithAnOwnedAkkaKeySetDirectly_IsRefusedNamingIt(string akkaKey)
    {
        var config = Load("actorsockets.cluster.enabled = on\n" + akkaKey);

        var error = Assert.Throws<ConfigException>(() => ClusterSettings.FromConfig(config));

        Assert.Contains(akkaKey[..akkaKey.IndexOf(' ', StringComparison.Ordinal)], error.Message, StringComparison.Ordinal);
        Assert.Contains("actorsockets.cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_WithAkkaProviderSetDirectly_IsTheUsersBusiness()
    {
        var config = Load("akka.actor.provider = remote");

        Assert.False(ClusterSettings.FromConfig(config).Enabled);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData(":4053")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:40x")]
    [InlineData("::1:4053")]
    [InlineData("two words:4053")]
    public void SeedNotHostColonPort_IsRefusedQuotingIt(string seed)
    {
        var config = Load($"actorsockets.cluster.seed-nodes = [\"{seed}\"]");

        var error = Assert.Throws<ConfigException>(() => ClusterSettings.FromConfig(config));

        Assert.Contains($"\"{seed}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("seed-nodes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("port = -1", "port")]
    [InlineData("port = 65536", "port")]
    [InlineData("hostname = \"\"", "hostname")]
    [InlineData("hostname = \"a b\"", "hostname")]
    public void BadHostnameOrPort_IsRefusedNamingTheKey(string setting, string key)
    {
        var config = Load("actorsockets.cluster." + setting);

        var error = Assert.Throws<ConfigException>(() => ClusterSettings.FromConfig(config));

        Assert.Contains("actorsockets.cluster." + key, error.Message, StringComparison.Ordinal);
    }
}
