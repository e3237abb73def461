using ActorSockets.Host.Internal;

namespace ActorSockets.Host.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void TryParse_NoArguments_GivesDefaults()
    {
        Assert.True(CommandLine.TryParse([], out var options, out _));
        Assert.Equal(new HostOptions { Overrides = options.Overrides }, options);
        Assert.Empty(options.Overrides);
    }

    [Fact]
    public void TryParse_EveryOption_IsRead()
    {
        string[] args =
        [
            "--config", "app.conf", "--set", "a.b=1", "--set=c.d=\"x y\"", "--print-config", "--check",
            "--no-console", "--log-level=debug", "--ready-file", "/tmp/ready", "--help",
        ];

        Assert.True(CommandLine.TryParse(args, out var options, out var error), error);

        Assert.Equal("app.conf", options.ConfigFile);
        Assert.Equal(["a.b=1", "c.d=\"x y\""], options.Overrides);
        Assert.True(options.PrintConfig);
        Assert.True(options.Check);
        Assert.True(options.NoConsole);
        Assert.Equal("debug", options.LogLevel);
        Assert.Equal("/tmp/ready", options.ReadyFile);
        Assert.True(options.Help);
    }

    [Theory]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("--config", "option '--config' needs a value")]
    [InlineData("--set=novalue", "--set expects PATH=VALUE, got 'novalue'")]
    [InlineData("--set==1", "--set expects PATH=VALUE, got '=1'")]
    [InlineData("--log-level=loud", "unknown log level 'loud'")]
    [InlineData("stray", "unknown option 'stray'")]
    public void TryParse_BadArgument_FailsWithReason(string arg, string expected)
    {
        Assert.False(CommandLine.TryParse([arg], out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trace", Serilog.Events.LogEventLevel.Verbose)]
    [InlineData("Information", Serilog.Events.LogEventLevel.Information)]
    [InlineData("WARN", Serilog.Events.LogEventLevel.Warning)]
    [InlineData("critical", Serilog.Events.LogEventLevel.Fatal)]
    public void LogLevels_OperatorNames_MapToSerilogLevels(string text, Serilog.Events.LogEventLevel expected)
    {
        Assert.True(LogLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }
}
