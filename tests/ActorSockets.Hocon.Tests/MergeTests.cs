namespace ActorSockets.Hocon.Tests;

/// <summary>Spec sections "Duplicate keys and object merging" and fallbacks.</summary>
public class MergeTests
{
    [Fact]
    public void DuplicateKey_BothObjects_MergeRecursively()
    {
        var config = ConfigFactory.ParseString("foo { a { x = 1 }, b = 1 }\nfoo { a { y = 2 }, b = 2 }");

        Assert.Equal(1, config.GetInt("foo.a.x"));
        Assert.Equal(2, config.GetInt("foo.a.y"));
        Assert.Equal(2, config.GetInt("foo.b"));
    }

    [Fact]
    public void DuplicateKey_NonObjects_LastWins()
    {
        var config = ConfigFactory.ParseString("a = 1\na = [1]\na = x\nb { c = 1 }\nb = 5");

        Assert.Equal("x", config.GetString("a"));
        Assert.Equal(5, config.GetInt("b"));
    }

    [Fact]
    public void DuplicateKey_NullBetweenObjects_ResetsObject()
    {
        var config = ConfigFactory.ParseString("foo : { a : 42 }\nfoo : null\nfoo : { b : 43 }");

        Assert.False(config.HasPath("foo.a"));
        Assert.Equal(43, config.GetInt("foo.b"));
    }

    [Fact]
    public void DuplicateKey_ObjectAfterScalar_Replaces()
    {
        var config = ConfigFactory.ParseString("a = 1\na { b = 2 }");

        Assert.Equal(2, config.GetInt("a.b"));
    }

    [Fact]
    public void WithFallback_OverlappingObjects_MergeAndTopWins()
    {
        var app = ConfigFactory.ParseString("a { x = 1 }\nb = app");
        var reference = ConfigFactory.ParseString("a { x = 0, y = 2 }\nb = ref\nc = 3");

        var config = app.WithFallback(reference);

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal("app", config.GetString("b"));
        Assert.Equal(3, config.GetInt("c"));
        Assert.Equal(new[] { "a", "b", "c" }, config.Keys);
    }

    [Fact]
    public void WithFallback_Chained_FirstHasPriority()
    {
        var config = ConfigFactory.ParseString("a = 1")
            .WithFallback(ConfigFactory.ParseString("a = 2, b = 2"))
            .WithFallback(ConfigFactory.ParseString("a = 3, b = 3, c = 3"));

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(3, config.GetInt("c"));
    }

    [Fact]
    public void SpecExample_NonObjectBetweenObjects_HidesTheLowerOne()
    {
        var first = ConfigFactory.ParseString("a : { x : 1 }");
        var number = ConfigFactory.ParseString("a : 42");
        var second = ConfigFactory.ParseString("a : { y : 2 }");

        var hidden = first.WithFallback(number).WithFallback(second);
        var adjacent = first.WithFallback(second).WithFallback(number);

        Assert.Equal(new[] { "x" }, hidden.GetKeys("a"));
        Assert.Equal(new[] { "x", "y" }, adjacent.GetKeys("a"));
    }

    [Fact]
    public void WithFallback_NullResetInApplication_HidesFallbackValues()
    {
        var config = ConfigFactory.ParseString("foo { a = 1 }\nfoo = null\nfoo { b = 2 }")
            .WithFallback(ConfigFactory.ParseString("foo { c = 3 }"));

        Assert.Equal(new[] { "b" }, config.GetKeys("foo"));
    }

    [Fact]
    public void GetConfigOfResetObject_ThenFallback_Merges()
    {
        var section = ConfigFactory.ParseString("foo = null\nfoo { b = 2 }").GetConfig("foo");

        var config = section.WithFallback(ConfigFactory.ParseString("c = 3"));

        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(3, config.GetInt("c"));
    }

    [Fact]
    public void WithFallback_Empty_ReturnsSameConfig()
    {
        var config = ConfigFactory.ParseString("a = 1");

        Assert.Same(config, config.WithFallback(Config.Empty));
        Assert.Same(config, Config.Empty.WithFallback(config));
    }

    [Fact]
    public void WithFallback_NullInApplication_HidesReferenceValue()
    {
        var config = ConfigFactory.ParseString("a = null").WithFallback(ConfigFactory.ParseString("a = 1"));

        Assert.False(config.HasPath("a"));
        Assert.Equal(7, config.GetInt("a", 7));
    }

    [Fact]
    public void WithFallback_SubstitutionInFallback_SeesApplicationValue()
    {
        var reference = ConfigFactory.ParseString("port = 1000\naddress = \"host:\"${port}");
        var config = ConfigFactory.ParseString("port = 2000").WithFallback(reference);

        Assert.Equal("host:2000", config.GetString("address"));
        Assert.Equal("host:1000", reference.GetString("address"));
    }

    [Fact]
    public void WithFallback_ApplicationSubstitutionDefinedOnlyInFallback_Resolves()
    {
        var app = ConfigFactory.ParseString("timeout = ${defaults.timeout}");

        var config = app.WithFallback(ConfigFactory.ParseString("defaults.timeout = 5s"));

        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("timeout"));
        Assert.Throws<ConfigException>(() => app.GetString("timeout"));
    }

    [Fact]
    public void GetConfig_ThenFallback_MergesSubtree()
    {
        var config = ConfigFactory.ParseString("my.section { a = 1 }");

        var merged = config.GetConfig("my.section").WithFallback(ConfigFactory.ParseString("a = 0, b = 2"));

        Assert.Equal(1, merged.GetInt("a"));
        Assert.Equal(2, merged.GetInt("b"));
    }
}
