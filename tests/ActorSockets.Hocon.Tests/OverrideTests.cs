namespace ActorSockets.Hocon.Tests;

/// <summary>Command-line style overrides (<c>--set path=value</c>).</summary>
public class OverrideTests
{
    private static readonly Config Base = ConfigFactory.ParseString("a { b = 1, keep = k }\nport = 80\naddress = \"h:\"${port}");

    [Fact]
    public void WithOverrides_VariousValues_ParsedAsHocon()
    {
        var config = Base.WithOverrides(["a.b=5", "a.c=\"x y\"", "a.d=[1,2]", "a.e=10s", "a.f={ g = 1 }"]);

        Assert.Equal(5, config.GetInt("a.b"));
        Assert.Equal("x y", config.GetString("a.c"));
        Assert.Equal([1, 2], config.GetIntList("a.d"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("a.e"));
        Assert.Equal(1, config.GetInt("a.f.g"));
        Assert.Equal("k", config.GetString("a.keep"));
    }

    [Fact]
    public void WithOverrides_SubstitutionElsewhere_SeesOverride()
    {
        var config = Base.WithOverrides(["port=8080"]);

        Assert.Equal("h:8080", config.GetString("address"));
    }

    [Fact]
    public void WithOverrides_LaterOverrideWins_AndCanReferToOthers()
    {
        var config = Base.WithOverrides(["x=1", "x=2", "y=${port}", "a.b=${a.b}0"]);

        Assert.Equal(2, config.GetInt("x"));
        Assert.Equal(80, config.GetInt("y"));
        Assert.Equal(10, config.GetInt("a.b"));
    }

    [Fact]
    public void WithOverrides_QuotedPathSegment_KeepsItsDots()
    {
        var config = Base.WithOverrides(["a.\"k.e=y\"=v"]);

        Assert.Equal("v", config.GetString("a.\"k.e=y\""));
    }

    [Fact]
    public void WithOverrides_EmptyValueString_IsAllowedWhenQuoted()
    {
        Assert.Equal("", Base.WithOverrides(["a.b=\"\""]).GetString("a.b"));
    }

    [Theory]
    [InlineData("a.b=")]
    [InlineData("a.b")]
    [InlineData("=5")]
    [InlineData("a..b=1")]
    [InlineData("a.b=[1,")]
    [InlineData("a.b=1 }")]
    public void WithOverrides_Malformed_ThrowsNamingTheOverride(string entry)
    {
        var ex = Assert.Throws<HoconParseException>(() => Base.WithOverrides([entry]));

        Assert.Contains($"override '{entry}'", ex.Message, StringComparison.Ordinal);
    }
}
