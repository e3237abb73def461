using ActorSockets.Hocon;
using ActorSockets.Host.Tests.Support;
using ActorSockets.Host.Internal;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using AkkaConfig = Akka.Configuration.Config;

namespace ActorSockets.Host.Tests;

/// <summary>
/// The configuration the host hands Akka: parsed, layered and resolved by our HOCON library, rendered, and
/// read back by Akka's parser inside an actor system started the way the host starts it (Akka.Hosting's
/// <c>AddAkka</c> with <c>AddHocon</c>). Every <c>akka.*</c> value must arrive as the host meant it.
/// </summary>
public sealed class AkkaBridgeTests : IDisposable
{
    // Values our parser accepts and Akka's parser must read back unchanged once rendered: unicode, every
    // escape, a quote, a backslash, a control character, substitutions (resolved before Akka sees them),
    // durations and sizes in several spellings, lists, quoted keys holding dots and spaces.
    private const string AkkaValues = """
        akka {
          actor.ask-timeout = 7s
          scheduler.tick-duration = 20 ms
          log-dead-letters = 3
          log-dead-letters-suspend-duration = ${akka.bridge-test.minutes}
          bridge-test {
            text = "héllo ✓ 欢迎访问>>>> \"quoted\" back\\slash tab\tnl\n esc\u001b end"
            unquoted = plain words here
            concatenated = ${akka.bridge-test.unquoted}" and more"
            minutes = 5 minutes
            half-second = 500ms
            size = 64 KiB
            bigger = 1MiB
            bytes = 1000
            list = ["a", "b\"c", "ü", "${not-a-substitution}"]
            numbers = [1, 2.5, -3]
            flag = on
            "key.with.dots" = dotted
            "key with spaces" { inner = 1 }
            empty {}
          }
          bridge-test-list-append = [1]
          bridge-test-list-append += 2
        }
        """;

    private readonly List<ActorSystem> _systems = [];

    public void Dispose()
    {
        foreach (var system in _systems)
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void ToAkka_EveryAkkaValue_ReachesTheActorSystemsSettingsIntact()
    {
        var ours = HostConfigWith(AkkaValues);

        var settings = StartThroughAkkaHosting(AkkaBridge.ToAkka(ours, LogEventLevel.Information)).Settings;

        var problems = new List<string>();
        foreach (var path in Leaves(ours, "akka"))
        {
            var expected = Describe(ours, path);
            var actual = Describe(settings.Config, path);
            if (expected != actual)
            {
                problems.Add($"{path}: ours {expected}, Akka's {actual}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(Leaves(ours, "akka").Count() > 20, "the walk found the akka.* values");
        Assert.Equal(TimeSpan.FromSeconds(7), settings.AskTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.Config.GetTimeSpan("akka.log-dead-letters-suspend-duration"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.Config.GetTimeSpan("akka.bridge-test.half-second"));
        Assert.Equal(64 * 1024, settings.Config.GetByteSize("akka.bridge-test.size"));
        Assert.Equal(1024 * 1024, settings.Config.GetByteSize("akka.bridge-test.bigger"));
        Assert.Equal(
            "héllo ✓ 欢迎访问>>>> \"quoted\" back\\slash tab\tnl\n esc\u001b end",
            settings.Config.GetString("akka.bridge-test.text"));
        Assert.Equal("plain words here and more", settings.Config.GetString("akka.bridge-test.concatenated"));
        Assert.Equal(["a", "b\"c", "ü", "${not-a-substitution}"], settings.Config.GetStringList("akka.bridge-test.list"));
        Assert.Equal([1, 2], settings.Config.GetIntList("akka.bridge-test-list-append"));
        Assert.Equal("dotted", settings.Config.GetString("akka.bridge-test.\"key.with.dots\""));
        Assert.True(settings.Config.GetBoolean("akka.bridge-test.flag"));
    }

    [Fact]
    public void ToAkka_HostDefaults_WireAkkasLoggingIntoSerilog_AndLeaveShutdownToTheHost()
    {
        var settings = StartThroughAkkaHosting(AkkaBridge.ToAkka(HostConfigWith(string.Empty), LogEventLevel.Information)).Settings;

        Assert.Equal(["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog"], settings.Loggers);
        Assert.Equal(typeof(AkkaStdoutLogger), settings.StdoutLogger.GetType());
        Assert.False(settings.Config.GetBoolean("akka.coordinated-shutdown.run-by-clr-shutdown-hook"));
        Assert.Equal("INFO", settings.LogLevel);
    }

    [Theory]
    [InlineData(LogEventLevel.Verbose, "DEBUG")]
    [InlineData(LogEventLevel.Debug, "DEBUG")]
    [InlineData(LogEventLevel.Warning, "WARNING")]
    [InlineData(LogEventLevel.Fatal, "ERROR")]
    public void ToAkka_NoAkkaLoglevel_FollowsTheHostsLevel(LogEventLevel hostLevel, string akkaLevel)
    {
        var akka = AkkaBridge.ToAkka(HostConfigWith(string.Empty), hostLevel);

        Assert.Equal(akkaLevel, akka.GetString("akka.loglevel"));
    }

    [Fact]
    public void ToAkka_AkkaLoglevelSet_WinsOverTheHostsLevel()
    {
        var akka = AkkaBridge.ToAkka(HostConfigWith("akka.loglevel = WARNING"), LogEventLevel.Debug);

        Assert.Equal("WARNING", StartThroughAkkaHosting(akka).Settings.LogLevel);
    }

    [Fact]
    public void ToAkka_SetOverride_ReachesAkka()
    {
        var dir = Directory.CreateTempSubdirectory("actorsockets-bridge-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "app.conf"), "akka.actor.ask-timeout = 3s");
            var options = new Internal.HostOptions { ConfigFile = "app.conf", Overrides = ["akka.actor.ask-timeout=\"11 s\"", "akka.bridge-test.x=\"ü\\u0041\""] };
            var config = HostConfig.Load(options, dir.FullName, AppContext.BaseDirectory, out _);

            var settings = StartThroughAkkaHosting(AkkaBridge.ToAkka(config, LogEventLevel.Information)).Settings;

            Assert.Equal(TimeSpan.FromSeconds(11), settings.AskTimeout);
            Assert.Equal("üA", settings.Config.GetString("akka.bridge-test.x"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The repository's host configuration (every reference.conf and hocon/actorsockets.conf) with <paramref name="text"/> on top.</summary>
    private static Config HostConfigWith(string text) =>
        ConfigFactory.ParseString(text, "test")
            .WithFallback(HostConfig.Load(new Internal.HostOptions(), AppContext.BaseDirectory, AppContext.BaseDirectory, out _))
            .Resolve();

    private ActorSystem StartThroughAkkaHosting(AkkaConfig config)
    {
        var services = new ServiceCollection();
        services.AddAkka("bridge-" + Guid.NewGuid().ToString("N")[..8], akka => akka.AddHocon(config, HoconAddMode.Prepend));
        var system = services.BuildServiceProvider().GetRequiredService<ActorSystem>();
        _systems.Add(system);
        return system;
    }

    /// <summary>Every leaf value's path under <paramref name="root"/>, keys quoted where HOCON needs it.</summary>
    private static IEnumerable<string> Leaves(Config config, string root)
    {
        foreach (var key in config.GetKeys(root))
        {
            var path = root + "." + (key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : "\"" + key + "\"");
            if (HoconTree.IsObject(config, path))
            {
                foreach (var leaf in Leaves(config, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>A value as text: a scalar's string, or a list's items joined.</summary>
    private static string Describe(Config config, string path)
    {
        try
        {
            return "[" + string.Join("|", config.GetStringList(path)) + "]";
        }
        catch (ConfigException)
        {
            return config.GetString(path, null) ?? "(null)";
        }
    }

    private static string Describe(AkkaConfig config, string path)
    {
        if (!config.HasPath(path))
        {
            return "(missing)";
        }

        var value = config.GetValue(path);
        return value.IsArray()
            ? "[" + string.Join("|", value.GetArray().Select(v => v.GetString())) + "]"
            : value.GetString() ?? "(null)";
    }
}
