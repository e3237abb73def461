using ActorSockets.Hocon;
using ActorSockets.Host.Internal;

namespace ActorSockets.Host.Tests;

public sealed class HostConfigTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("actorsockets-host-tests-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void FindDefaultFile_InAParentBelowTheRepositoryRoot_IsFound()
    {
        var repo = _root.CreateSubdirectory("repo");
        File.WriteAllText(Path.Combine(repo.FullName, "ActorSockets.sln"), string.Empty);
        var expected = WriteConf(repo.CreateSubdirectory("hocon"), "x = 1");
        var deep = repo.CreateSubdirectory("src").CreateSubdirectory("app");

        Assert.Equal(expected, HostConfig.FindDefaultFile(deep.FullName, _root.CreateSubdirectory("bin").FullName));
    }

    [Fact]
    public void FindDefaultFile_AboveTheRepositoryRoot_IsNotUsed_ButTheBinarysCopyIs()
    {
        WriteConf(_root.CreateSubdirectory("hocon"), "outside = 1");
        var repo = _root.CreateSubdirectory("repo");
        repo.CreateSubdirectory(".git");
        var binary = _root.CreateSubdirectory("bin");
        var nextToBinary = WriteConf(binary.CreateSubdirectory("hocon"), "binary = 1");

        Assert.Equal(nextToBinary, HostConfig.FindDefaultFile(repo.FullName, binary.FullName));
    }

    [Fact]
    public void FindDefaultFile_Nowhere_IsNull()
    {
        var repo = _root.CreateSubdirectory("repo");
        repo.CreateSubdirectory(".git");

        Assert.Null(HostConfig.FindDefaultFile(repo.FullName, _root.CreateSubdirectory("bin").FullName));
    }

    [Fact]
    public void Load_Layers_SetOverConfigFileOverDefaultFileOverReference()
    {
        var dir = _root.CreateSubdirectory("run");
        dir.CreateSubdirectory(".git");
        WriteConf(dir.CreateSubdirectory("hocon"), "actorsockets.log.level = Warning\nactorsockets.host.shutdown-timeout = 3s\nmarker = default");
        var extra = Path.Combine(dir.FullName, "extra.conf");
        File.WriteAllText(extra, "actorsockets.log.level = Error\nmarker = extra");
        var options = new HostOptions { ConfigFile = "extra.conf", Overrides = ["marker=set"] };

        var config = HostConfig.Load(options, dir.FullName, dir.FullName, out var sources);

        Assert.Equal("set", config.GetString("marker"));
        Assert.Equal("Error", config.GetString("actorsockets.log.level"));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetTimeSpan("actorsockets.host.shutdown-timeout"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("actorsockets.host.start-timeout"));
        Assert.Equal([Path.Combine(dir.FullName, "hocon", HostConfig.DefaultFile), extra], sources);
    }

    [Fact]
    public void Load_BrokenConfigFile_ThrowsWithFileLineAndColumn()
    {
        var dir = _root.CreateSubdirectory("run");
        dir.CreateSubdirectory(".git");
        WriteConf(dir.CreateSubdirectory("hocon"), "ok = 1");
        var broken = Path.Combine(dir.FullName, "broken.conf");
        File.WriteAllText(broken, "a {\n  b = 1\n  c = [1, 2\n}\n");

        var ex = Assert.Throws<HoconParseException>(() =>
            HostConfig.Load(new HostOptions { ConfigFile = broken }, dir.FullName, dir.FullName, out _));

        Assert.Equal(broken, ex.File);
        Assert.True(ex.Line >= 3, ex.Message);
        Assert.StartsWith($"{broken}:{ex.Line}:{ex.Column}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoConfigAnywhere_ThrowsConfigExceptionSayingWhereItLooked()
    {
        var dir = _root.CreateSubdirectory("empty");
        dir.CreateSubdirectory(".git");

        var ex = Assert.Throws<ConfigException>(() => HostConfig.Load(new HostOptions(), dir.FullName, dir.FullName, out _));

        Assert.Contains(dir.FullName, ex.Message, StringComparison.Ordinal);
        Assert.Contains("--config", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_FromTheRepositoryConfig_AreValid()
    {
        var config = HostConfig.Load(new HostOptions(), AppContext.BaseDirectory, AppContext.BaseDirectory, out _);

        var host = HostSettings.FromConfig(config);
        var log = LogSettings.FromConfig(config);

        Assert.Equal(TimeSpan.FromSeconds(10), host.ShutdownTimeout);
        Assert.True(host.Console);
        Assert.Equal(Serilog.Events.LogEventLevel.Information, log.Level);
        Assert.False(log.FileEnabled);
    }

    [Fact]
    public void LogSettings_CategoryOverrides_AreRead()
    {
        var config = ConfigFactory.ParseString("""actorsockets.log.overrides { "ActorSockets.IO" = Debug, Foo = error }""")
            .WithFallback(ConfigFactory.Load(null, HostConfig.ReferenceAssemblies));

        var log = LogSettings.FromConfig(config);

        Assert.Equal(Serilog.Events.LogEventLevel.Debug, log.Overrides["ActorSockets.IO"]);
        Assert.Equal(Serilog.Events.LogEventLevel.Error, log.Overrides["Foo"]);
    }

    [Fact]
    public void HostSettings_ZeroShutdownTimeout_IsRejectedNamingTheKey()
    {
        var config = ConfigFactory.ParseString("actorsockets.host.shutdown-timeout = 0s")
            .WithFallback(ConfigFactory.Load(null, HostConfig.ReferenceAssemblies));

        var ex = Assert.Throws<ConfigException>(() => HostSettings.FromConfig(config));

        Assert.Contains("actorsockets.host.shutdown-timeout", ex.Message, StringComparison.Ordinal);
    }

    private static string WriteConf(DirectoryInfo dir, string text)
    {
        var path = Path.Combine(dir.FullName, HostConfig.DefaultFile);
        File.WriteAllText(path, text);
        return path;
    }
}
