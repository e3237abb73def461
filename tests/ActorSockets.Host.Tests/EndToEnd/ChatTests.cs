using System.Text.RegularExpressions;
using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>The chat endpoint of the real host, with three telnet-style clients.</summary>
public abstract partial class ChatTests(RunningHost host)
{
    [Fact]
    public async Task Chat_ThreeClients_NickWhoMsgAndQuit()
    {
        var endpoint = host.Process.Endpoint("chat").EndPoint;
        await using var a = await TestClient.ConnectAsync(endpoint);
        var guestA = await GreetingNickAsync(a);
        await using var b = await TestClient.ConnectAsync(endpoint);
        var guestB = await GreetingNickAsync(b);
        await a.ReadUntilLineAsync($"*** {guestB} joined lobby");
        await using var c = await TestClient.ConnectAsync(endpoint);
        var guestC = await GreetingNickAsync(c);
        await a.ReadUntilLineAsync($"*** {guestC} joined lobby");
        await b.ReadUntilLineAsync($"*** {guestC} joined lobby");

        await a.SendAsync("/nick alice\r\n");
        Assert.Equal("*** You are now known as alice", await a.ReadLineAsync());
        await b.ReadUntilLineAsync($"*** {guestA} is now known as alice");
        await c.ReadUntilLineAsync($"*** {guestA} is now known as alice");
        await b.SendAsync("/nick bob\n");
        Assert.Equal("*** You are now known as bob", await b.ReadLineAsync());
        await a.ReadUntilLineAsync($"*** {guestB} is now known as bob");
        await c.ReadUntilLineAsync($"*** {guestB} is now known as bob");
        await c.SendAsync("/nick carol\r\n");
        Assert.Equal("*** You are now known as carol", await c.ReadLineAsync());
        await a.ReadUntilLineAsync($"*** {guestC} is now known as carol");
        await b.ReadUntilLineAsync($"*** {guestC} is now known as carol");

        await a.SendAsync("/nick bob\r\n");
        Assert.Equal("*** Error: the nick bob is already in use", await a.ReadLineAsync());

        await a.SendAsync("hello all\r\n");
        Assert.Equal("[alice] hello all", await b.ReadLineAsync());
        Assert.Equal("[alice] hello all", await c.ReadLineAsync());

        // Not echoed to its sender: the next thing alice reads is her /who answer.
        await a.SendAsync("/who\r\n");
        Assert.Equal("*** 3 in lobby: alice, bob, carol", await a.ReadLineAsync());

        await b.SendAsync("/msg carol psst\r\n");
        Assert.Equal("-> *carol* psst", await b.ReadLineAsync());
        Assert.Equal("*bob* psst", await c.ReadLineAsync());
        await b.SendAsync("/msg nobody hi\r\n");
        Assert.Equal("*** Error: no such nick: nobody", await b.ReadLineAsync());

        await c.SendAsync("/quit\r\n");
        Assert.Equal("*** Bye!", await c.ReadLineAsync());
        Assert.Empty(await c.ReadToEndAsync());

        // Alice never saw the private message: after the speech above her next line is carol leaving.
        Assert.Equal("*** carol left lobby (quit)", await a.ReadLineAsync());
        Assert.Equal("*** carol left lobby (quit)", await b.ReadLineAsync());
        await a.SendAsync("/who\r\n");
        Assert.Equal("*** 2 in lobby: alice, bob", await a.ReadLineAsync());
    }

    private static async Task<string> GreetingNickAsync(TestClient client)
    {
        var greeting = await client.ReadLineAsync();
        var match = Greeting().Match(greeting);
        Assert.True(match.Success, greeting);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"^\*\*\* Welcome to the chat, (guest-\d+)! You are in room lobby\. Type /help for the commands\.$")]
    private static partial Regex Greeting();
}

/// <summary>The tests above on the default manager, the ActorSockets transport.</summary>
[Collection(RunningHostCollection.Name)]
public sealed class ChatTestsOnActorSockets(RunningHost host) : ChatTests(host);

/// <summary>The tests above on Akka.IO's own managers: the protocol code must not depend on which one it talks to.</summary>
[Collection(RunningAkkaHostCollection.Name)]
public sealed class ChatTestsOnAkka(RunningAkkaHost host) : ChatTests(host);
