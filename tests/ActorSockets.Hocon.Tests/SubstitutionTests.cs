namespace ActorSockets.Hocon.Tests;

/// <summary>Spec section "Substitutions": forward references, optional substitutions, environment variables, cycles.</summary>
public class SubstitutionTests
{
    [Fact]
    public void Substitution_ToEarlierValue_Resolves()
    {
        var config = ConfigFactory.ParseString("a = 1\nb = ${a}\nc { d = ${a} }");

        Assert.Equal(1, config.GetInt("b"));
        Assert.Equal(1, config.GetInt("c.d"));
    }

    [Fact]
    public void Substitution_ForwardReference_Resolves()
    {
        var config = ConfigFactory.ParseString("b = ${a.x}\na { x = 5 }");

        Assert.Equal(5, config.GetInt("b"));
    }

    [Fact]
    public void Substitution_KeyRedefinedLater_UsesFinalValue()
    {
        var config = ConfigFactory.ParseString("a = 1\nb = ${a}\na = 2");

        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Substitution_OfObject_CopiesAndMergesWithLaterFields()
    {
        var config = ConfigFactory.ParseString("base { x = 1, y = 1 }\nderived = ${base}\nderived { y = 2 }");

        Assert.Equal(1, config.GetInt("derived.x"));
        Assert.Equal(2, config.GetInt("derived.y"));
        Assert.Equal(1, config.GetInt("base.y"));
    }

    [Fact]
    public void Substitution_Chain_Resolves()
    {
        var config = ConfigFactory.ParseString("a = ${b}\nb = ${c}\nc = ${d}\nd = end");

        Assert.Equal("end", config.GetString("a"));
    }

    [Fact]
    public void Substitution_QuotedPath_Resolves()
    {
        var config = ConfigFactory.ParseString("\"a.b\" { c = 3 }\nx = ${\"a.b\".c}");

        Assert.Equal(3, config.GetInt("x"));
    }

    [Fact]
    public void Substitution_InsideArray_Resolves()
    {
        var config = ConfigFactory.ParseString("a = 1\nb = [${a}, 2, ${?missing_xyz_123}]");

        Assert.Equal([1, 2], config.GetIntList("b"));
    }

    [Fact]
    public void Substitution_MissingRequired_ThrowsNamingPathAndOrigin()
    {
        var config = ConfigFactory.ParseString("a = 1\nb = ${nope.not.here}", "app.conf");

        var ex = Assert.Throws<ConfigException>(() => config.GetInt("a"));

        Assert.Contains("${nope.not.here}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("app.conf:2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalSubstitution_Missing_FieldNotSet()
    {
        var config = ConfigFactory.ParseString("a = ${?not_defined_anywhere_q}\nb = 1\nb = ${?not_defined_anywhere_q}");

        Assert.False(config.HasPath("a"));
        Assert.Equal(1, config.GetInt("b"));
        Assert.Equal(new[] { "b" }, config.Keys);
    }

    [Fact]
    public void OptionalSubstitution_EnvironmentVariable_UsedWhenPathMissing()
    {
        var name = "ACTORSOCKETS_HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var config = ConfigFactory.ParseString($"a = ${{?{name}}}\nb = x");

            Assert.Equal("from-env", config.GetString("a"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void OptionalSubstitution_ConfigValue_WinsOverEnvironment()
    {
        var config = ConfigFactory.ParseString("PATH = from-config\na = ${?PATH}");

        Assert.Equal("from-config", config.GetString("a"));
    }

    [Fact]
    public void Cycle_Direct_ThrowsNamingThePaths()
    {
        var config = ConfigFactory.ParseString("a = ${b}\nb = ${a}");

        var ex = Assert.Throws<ConfigException>(() => config.Resolve());

        Assert.Contains("Cycle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a", ex.Message, StringComparison.Ordinal);
        Assert.Contains("b", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_ThroughParentObject_Throws()
    {
        var config = ConfigFactory.ParseString("a { b = ${a} }");

        Assert.Throws<ConfigException>(() => config.Resolve());
    }

    [Fact]
    public void Substitution_ObjectExtendedWithDottedKeys_Resolves()
    {
        var config = ConfigFactory.ParseString("defaults { port = 1, host = h }\nserver = ${defaults}\nserver.port = 2\nserver.name = ${server.host}-x");

        Assert.Equal(2, config.GetInt("server.port"));
        Assert.Equal("h", config.GetString("server.host"));
        Assert.Equal("h-x", config.GetString("server.name"));
    }

    [Fact]
    public void SpecExample_ObjectReferringIntoItself_LooksForward()
    {
        var config = ConfigFactory.ParseString("bar : { foo : 42,\n baz : ${bar.foo}\n }\nbar : { foo : 43 }");

        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void SpecExample_MutuallyReferringObjects_Resolve()
    {
        var config = ConfigFactory.ParseString("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4");

        Assert.Equal(4, config.GetInt("bar.a"));
        Assert.Equal(3, config.GetInt("foo.c"));
    }

    [Fact]
    public void SpecExample_SubstitutionInsideOwnArray_IsCycle()
    {
        Assert.Throws<ConfigException>(() => ConfigFactory.ParseString("a : [${a}]").Resolve());
    }

    [Fact]
    public void SpecExample_ThreeStepLoop_IsCycle()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigFactory.ParseString("a : ${b}\nb : ${c}\nc : ${a}").Resolve());

        Assert.Contains("a -> b -> c -> a", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concatenation_NullSubstitution_IsEmptyString()
    {
        var config = ConfigFactory.ParseString("n = null\na = x${n}y\nb = null z");

        Assert.Equal("xy", config.GetString("a"));
        Assert.Equal("null z", config.GetString("b"));
    }

    [Fact]
    public void OptionalSubstitution_NullInConfig_BlocksEnvironmentLookup()
    {
        var config = ConfigFactory.ParseString("PATH = null\na = ${?PATH}");

        Assert.False(config.HasPath("a"));
    }

    [Fact]
    public void OptionalSubstitution_EmptyEnvironmentVariable_TreatedAsMissing()
    {
        var name = "ACTORSOCKETS_HOCON_EMPTY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "");
        try
        {
            Assert.Equal("d", ConfigFactory.ParseString($"a = ${{?{name}}}").GetString("a", "d"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Resolve_ParallelReads_AgreeOnValue()
    {
        var config = ConfigFactory.ParseString("a = 1\nb = ${a}");

        var results = new int[8];
        Parallel.For(0, results.Length, i => results[i] = config.GetInt("b"));

        Assert.All(results, r => Assert.Equal(1, r));
    }
}
