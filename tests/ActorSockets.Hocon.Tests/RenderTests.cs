namespace ActorSockets.Hocon.Tests;

/// <summary>Render: the resolved config printed back as valid HOCON.</summary>
public class RenderTests
{
    [Fact]
    public void Render_RoundTrip_ParsesToSameConfig()
    {
        var original = ConfigFactory.ParseString("""
            a { b = 1, c = "two words", d = [1, 2, {x = y}], e = null, f = 1.5, g = true }
            "quoted.key" = "tab\there \"q\" \\ 欢迎 \u0001"
            list = [[1], [], "s"]
            empty {}
            base = 10
            sub = ${base}
            num-string = "10"
            """);

        var rendered = original.Render();
        var reparsed = ConfigFactory.ParseString(rendered);

        Assert.Equal(rendered, reparsed.Render());
        Assert.Equal("two words", reparsed.GetString("a.c"));
        Assert.Equal(10, reparsed.GetInt("sub"));
        Assert.Equal("tab\there \"q\" \\ 欢迎 \u0001", reparsed.GetString("\"quoted.key\""));
        Assert.True(reparsed.HasPath("empty"));
        Assert.False(reparsed.HasPath("a.e"));
        Assert.Equal(new[] { "a", "quoted.key", "list", "empty", "base", "sub", "num-string" }, reparsed.Keys);
    }

    [Fact]
    public void Render_Substitutions_ShowsResolvedValues()
    {
        var config = ConfigFactory.ParseString("a = 1\nb = ${a}");

        Assert.DoesNotContain("${", config.Render(), StringComparison.Ordinal);
        Assert.Equal(config.Render(), config.ToString());
    }

    [Fact]
    public void Render_NestedObjects_AreIndentedBlocks()
    {
        var config = ConfigFactory.ParseString("a.b.c = 1");

        Assert.Equal("a {\n  b {\n    c = 1\n  }\n}\n", config.Render());
    }

    [Fact]
    public void Render_StringsQuoted_TypesKept()
    {
        var config = ConfigFactory.ParseString("s = \"true\"\nb = true\nn = \"5\"\ni = 5");

        var reparsed = ConfigFactory.ParseString(config.Render());

        Assert.Contains("s = \"true\"", config.Render(), StringComparison.Ordinal);
        Assert.Contains("i = 5", config.Render(), StringComparison.Ordinal);
        Assert.Equal(config.Render(), reparsed.Render());
    }

    [Fact]
    public void Render_Empty_IsEmptyText()
    {
        Assert.Equal("", Config.Empty.Render());
    }
}
