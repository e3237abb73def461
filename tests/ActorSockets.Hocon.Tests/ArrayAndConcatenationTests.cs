namespace ActorSockets.Hocon.Tests;

/// <summary>Spec sections "Arrays", "Value concatenation", "String value concatenation", "Array and object concatenation".</summary>
public class ArrayAndConcatenationTests
{
    [Fact]
    public void Array_MixedSeparators_AllElements()
    {
        var config = ConfigFactory.ParseString("a = [\n  1\n  2, 3\n  # comment\n  4\n]");

        Assert.Equal([1, 2, 3, 4], config.GetIntList("a"));
    }

    [Fact]
    public void Array_OfObjects_EachIsAConfig()
    {
        var config = ConfigFactory.ParseString("endpoints = [\n { name = ok, port = 8001 }\n { name = hi, port = 8898 }\n]");

        var endpoints = config.GetConfigList("endpoints");

        Assert.Equal(2, endpoints.Count);
        Assert.Equal("hi", endpoints[1].GetString("name"));
        Assert.Equal(8898, endpoints[1].GetInt("port"));
    }

    [Fact]
    public void Array_Nested_Kept()
    {
        var config = ConfigFactory.ParseString("a = [[1, 2], [], [3]]");

        Assert.Contains("[1, 2]", config.Render(), StringComparison.Ordinal);
        Assert.Throws<ConfigException>(() => config.GetIntList("a"));
    }

    [Fact]
    public void StringConcatenation_UnquotedAndQuoted_Joined()
    {
        var config = ConfigFactory.ParseString("a = foo \"bar\" baz\nb = 10 seconds\nc = \"x\"\"y\"");

        Assert.Equal("foo bar baz", config.GetString("a"));
        Assert.Equal("10 seconds", config.GetString("b"));
        Assert.Equal("xy", config.GetString("c"));
    }

    [Fact]
    public void StringConcatenation_WithSubstitution_KeepsWhitespace()
    {
        var config = ConfigFactory.ParseString("name = world\na = hello  ${name} end\nb = ${name}\"s\"");

        Assert.Equal("hello  world end", config.GetString("a"));
        Assert.Equal("worlds", config.GetString("b"));
    }

    [Fact]
    public void StringConcatenation_NumberSubstitution_BecomesText()
    {
        var config = ConfigFactory.ParseString("port = 8001\naddress = \"127.0.0.1:\"${port}");

        Assert.Equal("127.0.0.1:8001", config.GetString("address"));
    }

    [Fact]
    public void ArrayConcatenation_TwoLists_JoinsElements()
    {
        var config = ConfigFactory.ParseString("a = [1, 2] [3]\nbase = [0]\nb = ${base} [1] ${base}");

        Assert.Equal([1, 2, 3], config.GetIntList("a"));
        Assert.Equal([0, 1, 0], config.GetIntList("b"));
    }

    [Fact]
    public void ObjectConcatenation_OverlappingKeys_LaterWins()
    {
        var config = ConfigFactory.ParseString("base { x = 1, y = 1 }\na = ${base} { y = 2, z = 3 }\nb = { p = 1 } { q = 2 }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal(3, config.GetInt("a.z"));
        Assert.Equal(2, config.GetInt("b.q"));
        Assert.Equal(1, config.GetInt("b.p"));
    }

    [Fact]
    public void MixedConcatenation_ArrayAndString_ThrowsConfigException()
    {
        var config = ConfigFactory.ParseString("base = [1]\na = ${base} foo");

        var ex = Assert.Throws<ConfigException>(() => config.GetString("a"));

        Assert.Contains("concatenate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concatenation_DoublingSubstitutions_StopsAtSizeLimit()
    {
        var lines = new List<string> { "s0 = \"0123456789abcdef\"" };
        for (var i = 1; i <= 40; i++)
        {
            lines.Add($"s{i} = ${{s{i - 1}}}${{s{i - 1}}}");
        }

        var config = ConfigFactory.ParseString(string.Join('\n', lines));

        var ex = Assert.Throws<ConfigException>(() => config.Resolve());
        Assert.Contains("longer than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concatenation_OptionalMissing_IsDropped()
    {
        var config = ConfigFactory.ParseString("a = ${?nope_not_set_anywhere_x} [1]\nb = x ${?nope_not_set_anywhere_x}");

        Assert.Equal([1], config.GetIntList("a"));
        Assert.Equal("x", config.GetString("b"));
    }
}
