using ActorSockets.Host.Internal;

namespace ActorSockets.Host.Tests;

public sealed class ConsoleRelayTests
{
    [Fact]
    public void Run_Lines_AreRelayedTrimmed_AndBlankLinesSkipped()
    {
        var said = new List<string>();

        ConsoleRelay.Run(new StringReader("hello room\n\n   \n  spaced  \nlast"), said.Add, ex => throw ex);

        Assert.Equal(["hello room", "spaced", "last"], said);
    }

    [Fact]
    public void Run_ALineThatFails_IsReported_AndTheNextIsStillRelayed()
    {
        var said = new List<string>();
        var errors = new List<Exception>();

        ConsoleRelay.Run(
            new StringReader("first\nsecond\n"),
            line => { if (line == "first") { throw new InvalidOperationException("no lobby"); } said.Add(line); },
            errors.Add);

        Assert.Equal(["second"], said);
        Assert.Equal("no lobby", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task Start_EndOfInput_EndsTheBackgroundThread()
    {
        var said = new List<string>();
        var thread = ConsoleRelay.Start(new StringReader("one\n"), said.Add, ex => throw ex);

        Assert.True(await Task.Run(() => thread.Join(TimeSpan.FromSeconds(10))));
        Assert.Equal(["one"], said);
    }
}
