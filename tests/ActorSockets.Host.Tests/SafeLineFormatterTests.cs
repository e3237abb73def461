using ActorSockets.Host.Internal;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace ActorSockets.Host.Tests;

public sealed class SafeLineFormatterTests
{
    private const string Forged = "hi\r\n2026-01-01 00:00:00.000 +00:00 [ERR] Host: forged\u001b[2J\u2028x\u0085";

    [Fact]
    public void Format_PropertyWithLineBreaksAndEscapes_StaysOneLine()
    {
        var output = Render(log => log.Information("Nick {Nick} said {Text}", "eve\nil", Forged));

        var line = Assert.Single(Lines(output));
        Assert.Contains("said hi\\r\\n2026-01-01 00:00:00.000 +00:00 [ERR] Host: forged\\u001b[2J\\u2028x\\u0085", line, StringComparison.Ordinal);
        Assert.Contains("Nick eve\\nil said", line, StringComparison.Ordinal);
        AssertNoControlCharacters(output);
    }

    [Fact]
    public void Format_ThroughMicrosoftExtensionsLogging_EscapesValuesAndTemplateText()
    {
        var sink = new FormattingSink();
        using (var serilog = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog))
        {
            var logger = factory.CreateLogger("ActorSockets.Protocols.Chat.ChatSession");
#pragma warning disable CA1848, CA2254 // the point is a non-constant template that a library should never write
            logger.LogInformation("Line from {Remote}: {Line}", "127.0.0.1:5555", Forged);
            logger.LogWarning("raw template\r\n[ERR] forged");
#pragma warning restore CA1848, CA2254
        }

        var lines = Lines(sink.Output);
        Assert.Equal(2, lines.Count);
        Assert.Contains("[INF] ChatSession: Line from 127.0.0.1:5555: hi\\r\\n2026", lines[0], StringComparison.Ordinal);
        Assert.Contains("[WRN] ChatSession: raw template\\r\\n[ERR] forged", lines[1], StringComparison.Ordinal);
        AssertNoControlCharacters(sink.Output);
    }

    [Fact]
    public void Format_PropertiesNotInTheMessage_AreListedAfterIt()
    {
        var output = Render(log => log
            .ForContext("ConnectionId", 42)
            .ForContext("Remote", "10.0.0.1:1234\r\nx")
            .Information("Closed after {Duration}", TimeSpan.FromSeconds(2)));

        var line = Assert.Single(Lines(output));
        // Values in the message read as plain text (no JSON quotes around a duration); the listed properties keep
        // quotes, so a string value's extent stays visible.
        Assert.Equal("Closed after 00:00:02 {ConnectionId=42, Remote=\"10.0.0.1:1234\\r\\nx\"}", line[line.IndexOf("Closed", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Format_Exception_FollowsOnIndentedLinesWithItsMessageEscaped()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("bad\n2026-01-01 [INF] forged", new IOException("inner\rcause"));
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        var output = Render(log => log.Error(thrown, "Session failed"));

        var lines = Lines(output);
        Assert.EndsWith("[ERR] : Session failed", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("  ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "  System.InvalidOperationException: bad\\n2026-01-01 [INF] forged");
        Assert.Contains(lines, l => l.Trim() == "System.IO.IOException: inner\\rcause");
        AssertNoControlCharacters(output);
    }

    [Fact]
    public void Format_SourceContext_ShowsTheLastSegment()
    {
        var output = Render(log => log.ForContext(Constants.SourceContextPropertyName, "ActorSockets.IO.Internal.TcpConnection").Debug("Registered"));

        Assert.Contains("[DBG] TcpConnection: Registered", output, StringComparison.Ordinal);
    }

    private static string Render(Action<Serilog.ILogger> write)
    {
        var sink = new FormattingSink();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger())
        {
            write(logger);
        }

        return sink.Output;
    }

    private static List<string> Lines(string output)
    {
        Assert.EndsWith("\n", output, StringComparison.Ordinal);
        return [.. output[..^1].Split('\n')];
    }

    private static void AssertNoControlCharacters(string output)
    {
        foreach (var line in Lines(output))
        {
            Assert.DoesNotContain(line, c => char.IsControl(c) || c is '\u2028' or '\u2029');
        }
    }

    private sealed class FormattingSink : ILogEventSink
    {
        private readonly SafeLineFormatter _formatter = new();
        private readonly StringWriter _output = new();

        public string Output => _output.ToString();

        public void Emit(LogEvent logEvent) => _formatter.Format(logEvent, _output);
    }
}
