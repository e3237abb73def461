namespace ActorSockets.LoadTool.Tests;

public class LoadOptionsParserTests
{
    [Fact]
    public void Parse_NoArguments_GivesTheDocumentedDefaults()
    {
        var options = Parse();

        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(7007, options.Port);
        Assert.Null(options.UnixPath);
        Assert.Equal(LoadMode.Echo, options.Mode);
        Assert.Equal(100, options.Connections);
        Assert.Equal(64, options.Size);
        Assert.Equal(1, options.Pipeline);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Warmup);
        Assert.True(options.StormRoundTrip);
        Assert.False(options.AllowRemote);
        Assert.False(options.Json);
    }

    [Fact]
    public void Parse_TheDocumentedExample_SetsEveryOption()
    {
        var options = Parse(
            "--host", "::1", "--port", "7007", "--connections", "1000", "--size", "64", "--seconds", "10",
            "--pipeline", "4", "--warmup", "0.5", "--ramp", "50", "--connect-timeout", "2", "--reply-timeout", "3",
            "--json", "--quiet", "--allow-remote");

        Assert.Equal("::1", options.Host);
        Assert.Equal(1000, options.Connections);
        Assert.Equal(4, options.Pipeline);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.Warmup);
        Assert.Equal(50, options.RampConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ReplyTimeout);
        Assert.True(options.Json);
        Assert.True(options.Quiet);
        Assert.True(options.AllowRemote);
    }

    [Theory]
    [InlineData("echo", LoadMode.Echo)]
    [InlineData("connect-storm", LoadMode.ConnectStorm)]
    [InlineData("idle", LoadMode.Idle)]
    public void Parse_Mode_SelectsIt(string name, LoadMode expected) =>
        Assert.Equal(expected, Parse("--mode", name).Mode);

    [Fact]
    public void Parse_InlineValues_AreAccepted()
    {
        var options = Parse("--size=4096", "--mode=connect-storm", "--no-roundtrip");

        Assert.Equal(4096, options.Size);
        Assert.Equal(LoadMode.ConnectStorm, options.Mode);
        Assert.False(options.StormRoundTrip);
    }

    [Fact]
    public void Parse_Unix_SetsThePath() => Assert.Equal("/tmp/echo.sock", Parse("--unix", "/tmp/echo.sock").UnixPath);

    [Theory]
    [InlineData("unknown argument '--bogus'", "--bogus")]
    [InlineData("--size needs a value", "--size")]
    [InlineData("--size needs a value", "--size", "--json")]
    [InlineData("--size must be a whole number, not 'big'", "--size", "big")]
    [InlineData("--size must be between 1 and 16777216, not 0", "--size", "0")]
    [InlineData("--port must be between 1 and 65535, not 70000", "--port", "70000")]
    [InlineData("--connections must be a whole number, not '-3'", "--connections=-3")]
    [InlineData("--seconds must be more than 0 seconds", "--seconds", "0")]
    [InlineData("--warmup must be a number of seconds up to 86400, not 'soon'", "--warmup", "soon")]
    [InlineData("--mode must be echo, connect-storm or idle, not 'flood'", "--mode", "flood")]
    [InlineData("--unix and --port are alternatives; give one", "--unix", "/tmp/s", "--port", "1")]
    [InlineData("--json takes no value", "--json=yes")]
    [InlineData("--size times --pipeline must stay within 64 MiB per connection", "--size", "16777216", "--pipeline", "8")]
    [InlineData("--connections times --size times --pipeline must stay within 512 MiB (every connection buffers that twice)", "--connections", "1000", "--size", "1048576")]
    public void Parse_BadArguments_SaysWhatIsWrong(string expected, params string[] args)
    {
        var result = LoadOptionsParser.Parse(args);

        Assert.Null(result.Options);
        Assert.False(result.HelpRequested);
        Assert.Equal(expected, result.ErrorMessage);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help_RequestsUsage(string flag)
    {
        var result = LoadOptionsParser.Parse(["--size", "10", flag]);

        Assert.True(result.HelpRequested);
        Assert.Null(result.Options);
        Assert.Contains("--connections", LoadOptionsParser.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_HostOption_SaysLoopbackIsRequiredOnlyWithoutAllowRemote()
    {
        var hostLine = LoadOptionsParser.Usage.Split('\n').Single(l => l.TrimStart().StartsWith("--host", StringComparison.Ordinal));

        Assert.Contains("loopback unless --allow-remote", hostLine, StringComparison.Ordinal);
        Assert.True(Parse("--host", "192.0.2.1", "--allow-remote").AllowRemote);
    }

    [Fact]
    public void Readme_EveryOptionItNames_IsInTheUsageAndAccepted()
    {
        var named = System.Text.RegularExpressions.Regex.Matches(LoadToolReadme.Text, @"`(--[a-z-]+)")
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, option =>
        {
            Assert.Contains(option, LoadOptionsParser.Usage, StringComparison.Ordinal);
            Assert.DoesNotContain($"unknown argument '{option}'", LoadOptionsParser.Parse([option, "1"]).ErrorMessage ?? "", StringComparison.Ordinal);
        });
    }

    private static LoadOptions Parse(params string[] args)
    {
        var result = LoadOptionsParser.Parse(args);
        Assert.Null(result.ErrorMessage);
        return Assert.IsType<LoadOptions>(result.Options);
    }
}
