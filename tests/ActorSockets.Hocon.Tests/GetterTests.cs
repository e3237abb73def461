namespace ActorSockets.Hocon.Tests;

/// <summary>The typed getters, spec sections "Duration format" and "Size in bytes format".</summary>
public class GetterTests
{
    private static readonly Config Sample = ConfigFactory.ParseString("""
        s = hello
        i = 42
        big = 10000000000
        d = 2.5
        neg = -7
        exp = 1e3
        t = true
        list = [a, 1, true]
        ints = [1, 2, 3]
        obj { x = 1 }
        """, "sample.conf");

    [Fact]
    public void GetString_NumberOrBoolean_ReturnsTextAsWritten()
    {
        Assert.Equal("hello", Sample.GetString("s"));
        Assert.Equal("2.5", Sample.GetString("d"));
        Assert.Equal("true", Sample.GetString("t"));
    }

    [Fact]
    public void GetNumbers_VariousForms_ParseWithRangeChecks()
    {
        Assert.Equal(42, Sample.GetInt("i"));
        Assert.Equal(-7, Sample.GetInt("neg"));
        Assert.Equal(10000000000L, Sample.GetLong("big"));
        Assert.Equal(1000, Sample.GetInt("exp"));
        Assert.Equal(2.5, Sample.GetDouble("d"));
        Assert.Equal(42.0, Sample.GetDouble("i"));
        var ex = Assert.Throws<ConfigException>(() => Sample.GetInt("big"));
        Assert.Contains("'big'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigException>(() => Sample.GetInt("d"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("\"true\"", true)]
    public void GetBoolean_AnySpelling_ParsesIt(string text, bool expected)
    {
        Assert.Equal(expected, ConfigFactory.ParseString("b = " + text).GetBoolean("b"));
    }

    [Fact]
    public void GetBoolean_NotABoolean_ThrowsNamingPathTypeAndOrigin()
    {
        var ex = Assert.Throws<ConfigException>(() => Sample.GetBoolean("s"));

        Assert.Contains("'s'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("boolean", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sample.conf:1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("100 ms", 100)]
    [InlineData("5 minutes", 300_000)]
    [InlineData("250", 250)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("1 second", 1_000)]
    [InlineData("3m", 180_000)]
    [InlineData("500us", 0.5)]
    [InlineData("2000000ns", 2)]
    [InlineData("\"30 s\"", 30_000)]
    public void GetTimeSpan_WithUnit_ConvertsIt(string text, double expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), ConfigFactory.ParseString("t = " + text).GetTimeSpan("t"));
    }

    [Fact]
    public void GetTimeSpan_Infinite_AllowedOrRejected()
    {
        var config = ConfigFactory.ParseString("t = infinite");

        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetTimeSpan("t"));
        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetTimeSpan("t", null));
        var ex = Assert.Throws<ConfigException>(() => config.GetTimeSpan("t", null, allowInfinite: false));
        Assert.Contains("infinite", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10 parsecs")]
    [InlineData("fast")]
    [InlineData("[1]")]
    public void GetTimeSpan_Invalid_ThrowsConfigException(string text)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigFactory.ParseString("t = " + text).GetTimeSpan("t"));

        Assert.Contains("duration", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("64k", 65_536)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("10 kB", 10_000)]
    [InlineData("512", 512)]
    [InlineData("2 bytes", 2)]
    [InlineData("1.5K", 1_536)]
    [InlineData("1g", 1_073_741_824)]
    [InlineData("3 MB", 3_000_000)]
    [InlineData("1 kibibyte", 1_024)]
    public void GetByteSize_WithUnit_ConvertsIt(string text, long expected)
    {
        Assert.Equal(expected, ConfigFactory.ParseString("s = " + text).GetByteSize("s"));
    }

    [Fact]
    public void GetByteSize_Invalid_Throws()
    {
        Assert.Throws<ConfigException>(() => ConfigFactory.ParseString("s = 10 furlongs").GetByteSize("s"));
    }

    [Fact]
    public void DefaultOverloads_MissingOrNull_ReturnDefault()
    {
        var config = ConfigFactory.ParseString("a = 1\nn = null");

        Assert.Equal(1, config.GetInt("a", 9));
        Assert.Equal(9, config.GetInt("missing", 9));
        Assert.Equal(9, config.GetInt("n", 9));
        Assert.Equal(9L, config.GetLong("x.y.z", 9L));
        Assert.Equal(0.5, config.GetDouble("x", 0.5));
        Assert.True(config.GetBoolean("x", true));
        Assert.Equal("d", config.GetString("x", "d"));
        Assert.Null(config.GetString("x", null));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetTimeSpan("x", TimeSpan.FromSeconds(3)));
        Assert.Null(config.GetTimeSpan("x", null));
        Assert.Equal(4L, config.GetByteSize("x", 4L));
        Assert.Equal(new[] { "q" }, config.GetStringList("x", ["q"]));
        Assert.Equal([5], config.GetIntList("x", [5]));
    }

    [Fact]
    public void Default_WrongTypePresent_StillThrows()
    {
        Assert.Throws<ConfigException>(() => Sample.GetInt("s", 3));
    }

    [Fact]
    public void Getter_MissingPath_ThrowsNamingPathAndType()
    {
        var ex = Assert.Throws<ConfigException>(() => Sample.GetTimeSpan("obj.nothing.here"));

        Assert.Contains("'obj.nothing.here'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("duration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Getter_RequiredValueIsNull_ThrowsSayingSo()
    {
        var config = ConfigFactory.ParseString("a = 1\nn = null", "null.conf");

        var ex = Assert.Throws<ConfigException>(() => config.GetTimeSpan("n"));

        Assert.Contains("'n' at null.conf:2 is null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetConfig_ErrorInSubConfig_NamesFullPath()
    {
        var config = ConfigFactory.ParseString("server { http { port = x }, list = [{ a = b }] }", "app.conf");

        var http = config.GetConfig("server").GetConfig("http");
        var missing = Assert.Throws<ConfigException>(() => http.GetInt("timeout"));
        var wrong = Assert.Throws<ConfigException>(() => http.GetInt("port"));
        var inList = Assert.Throws<ConfigException>(() => config.GetConfigList("server.list")[0].GetInt("a"));
        var afterFallback = Assert.Throws<ConfigException>(() => http.WithFallback(ConfigFactory.ParseString("y = 1")).GetInt("z"));

        Assert.Contains("'server.http.timeout'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'server.http.port' at app.conf:1", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("'server.list[0].a'", inList.Message, StringComparison.Ordinal);
        Assert.Contains("'server.http.z'", afterFallback.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongType_ObjectAsString_Throws()
    {
        var ex = Assert.Throws<ConfigException>(() => Sample.GetString("obj"));

        Assert.Contains("object", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sample.conf:10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_ConvertElements_AndReportBadElement()
    {
        Assert.Equal(new[] { "a", "1", "true" }, Sample.GetStringList("list"));
        Assert.Equal([1, 2, 3], Sample.GetIntList("ints"));
        Assert.Equal([1L, 2L, 3L], Sample.GetLongList("ints"));
        Assert.Equal([1.0, 2.0, 3.0], Sample.GetDoubleList("ints"));
        var ex = Assert.Throws<ConfigException>(() => Sample.GetIntList("list"));
        Assert.Contains("list[0]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigException>(() => Sample.GetStringList("s"));
    }

    [Fact]
    public void GetConfig_MissingIsEmpty_ScalarThrows()
    {
        Assert.True(Sample.GetConfig("nothing").IsEmpty);
        Assert.Equal(1, Sample.GetConfig("obj").GetInt("x"));
        Assert.Throws<ConfigException>(() => Sample.GetConfig("s"));
    }

    [Fact]
    public void HasPath_TrueForValuesAndObjects_FalseForMissingAndNull()
    {
        var config = ConfigFactory.ParseString("a { b = 1 }\nn = null");

        Assert.True(config.HasPath("a"));
        Assert.True(config.HasPath("a.b"));
        Assert.False(config.HasPath("a.b.c"));
        Assert.False(config.HasPath("n"));
        Assert.False(config.HasPath("zzz"));
    }

    [Fact]
    public void LargeObject_AllKeysFoundInOrder_DuplicatesReplaceInPlace()
    {
        var lines = Enumerable.Range(0, 40).Select(i => $"k{i} = {i}").Append("k7 = 700").Append("\"q.k\" = quoted");
        var config = ConfigFactory.ParseString(string.Join('\n', lines));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"k{i}").Append("q.k"), config.Keys);
        Assert.Equal(700, config.GetInt("k7"));
        Assert.Equal(39, config.GetInt("k39"));
        Assert.Equal("quoted", config.GetString("\"q.k\""));
        Assert.False(config.HasPath("k40"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.")]
    [InlineData(".a")]
    [InlineData("a..b")]
    [InlineData("a.\"b")]
    public void HasPath_InvalidPath_ThrowsNamingIt(string path)
    {
        var ex = Assert.Throws<ConfigException>(() => Sample.HasPath(path));

        Assert.Contains($"'{path}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetKeys_MissingIsEmpty_ScalarThrows()
    {
        Assert.Empty(Sample.GetKeys("nothing"));
        Assert.Equal(new[] { "x" }, Sample.GetKeys("obj"));
        Assert.Throws<ConfigException>(() => Sample.GetKeys("s"));
    }
}
