using System.Reflection;

namespace ActorSockets.Hocon.Tests;

/// <summary>ConfigFactory: resources, reference.conf layering and Load.</summary>
public class FactoryTests
{
    private static readonly Assembly TestAssembly = typeof(FactoryTests).Assembly;

    [Fact]
    public void FromResource_EmbeddedConfig_ParsesIt()
    {
        var config = ConfigFactory.FromResource(TestAssembly, "ActorSockets.Hocon.Tests.reference.conf");

        Assert.Equal("hello", config.GetString("test-lib.greeting"));
        Assert.Equal("hello world", config.GetString("test-lib.message"));
    }

    [Fact]
    public void FromResource_Missing_ThrowsConfigExceptionListingResources()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigFactory.FromResource(TestAssembly, "nope.conf"));

        Assert.Contains("reference.conf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResource_Include_FindsSiblingResource()
    {
        var config = ConfigFactory.FromResource(TestAssembly, "ActorSockets.Hocon.Tests.with-include.conf");

        Assert.Equal("from-resource", config.GetString("extra"));
        Assert.Equal(1, config.GetInt("own"));
    }

    [Fact]
    public void Load_ApplicationOverReference_SubstitutionsSeeApplication()
    {
        var app = ConfigFactory.ParseString("test-lib.greeting = hi");

        var config = ConfigFactory.Load(app, TestAssembly);

        Assert.Equal("hi world", config.GetString("test-lib.message"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("test-lib.timeout"));
    }

    [Fact]
    public void Load_WithoutApplication_IsReference()
    {
        var config = ConfigFactory.Load(null, TestAssembly);

        Assert.Equal("hello world", config.GetString("test-lib.message"));
    }

    [Fact]
    public void Load_UnresolvableSubstitution_ThrowsAtLoad()
    {
        var app = ConfigFactory.ParseString("x = ${not.defined.anywhere}");

        Assert.Throws<ConfigException>(() => ConfigFactory.Load(app, TestAssembly));
    }

    [Fact]
    public void Load_NoAssemblies_ReturnsApplication()
    {
        var config = ConfigFactory.Load(ConfigFactory.ParseString("a = 1"));

        Assert.Equal(1, config.GetInt("a"));
        Assert.True(ConfigFactory.Load().IsEmpty);
        Assert.Same(Config.Empty, ConfigFactory.Empty);
    }
}
