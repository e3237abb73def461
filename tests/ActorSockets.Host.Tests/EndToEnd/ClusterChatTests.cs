using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests.EndToEnd;

/// <summary>
/// One chat over three real hosts on loopback (<c>actorsockets.cluster.enabled = on</c>), driven by socket clients
/// connected to different hosts: room traffic in order, <c>/who</c>, <c>/rooms</c>, <c>/msg</c> and nick checks
/// across hosts, a graceful stop ("server shutdown"), a <c>kill -9</c> ("host lost") and a restarted host rejoining.
/// </summary>
[Collection(ClusterTestsCollection.Name)]
public sealed class ClusterChatTests
{
    private static readonly TimeSpan Formed = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task ThreeHosts_OneChat_LinesInOrderWhoRoomsMsgAndUniqueNicks()
    {
        await using var hosts = await ClusterOfHosts.StartAsync(3);
        var (a, b, c) = await AliceBobAndCarolAsync(hosts);
        await using var disposeA = a;
        await using var disposeB = b;
        await using var disposeC = c;

        for (var i = 0; i < 50; i++)
        {
            await a.SendAsync($"line {i}\r\n");
        }

        foreach (var reader in new[] { b, c })
        {
            var seen = (await reader.ReadUntilAsync(line => line == "[alice] line 49"))
                .Where(l => l.StartsWith("[alice] ", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(Enumerable.Range(0, 50).Select(i => $"[alice] line {i}"), seen);
        }

        await b.SendAsync("/nick alice\r\n");
        Assert.Equal("*** Error: the nick alice is already in use", await b.ReadLineAsync());

        await c.SendAsync("/msg alice psst\r\n");
        Assert.Equal("-> *alice* psst", await c.ReadLineAsync());
        await a.ReadUntilLineAsync("*carol* psst");

        await b.SendAsync("/join side\r\n");
        await b.ReadUntilLineAsync("*** You joined side (1 member)");
        await a.ReadUntilLineAsync("*** bob left lobby (moved to side)");
        await c.ReadUntilLineAsync("*** bob left lobby (moved to side)");
        await c.SendAsync("/rooms\r\n");
        Assert.Equal("*** 2 rooms: lobby (2), side (1)", await c.ReadLineAsync());
    }

    [Fact]
    public async Task HostStopsOrDies_ItsMembersLeaveElsewhere_AndARestartedHostRejoins()
    {
        await using var hosts = await ClusterOfHosts.StartAsync(3);
        try
        {
            await StopOrDieAndRejoinAsync(hosts);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(ex.Message + "\n" + hosts.Outputs, ex);
        }
    }

    private static async Task StopOrDieAndRejoinAsync(ClusterOfHosts hosts)
    {
        var (a, b, c) = await AliceBobAndCarolAsync(hosts);
        await using var disposeA = a;
        await using var disposeB = b;
        await using var disposeC = c;

        // The crash first, while three hosts are up: keep-majority downs the lost one (two against one). With
        // two hosts a crash is a tie, which the split-brain resolver settles by address, not by who crashed.
        await hosts[1].SignalAsync("KILL");
        // Removal after a crash: failure detection (~5 s) + split-brain resolver stable-after (7 s) + a tick.
        foreach (var survivor in new[] { a, c })
        {
            var lost = await survivor.ReadUntilAsync(line => line.StartsWith("*** bob left lobby", StringComparison.Ordinal), TimeSpan.FromSeconds(40));
            Assert.Equal("*** bob left lobby (host lost)", lost[^1]);
        }

        await hosts[2].SignalAsync("TERM");
        Assert.Equal(0, await hosts[2].WaitForExitAsync(TimeSpan.FromSeconds(15)));
        await a.ReadUntilLineAsync("*** carol left lobby (server shutdown)");
        await a.SendAsync("/who\r\n");
        Assert.Equal("*** 1 in lobby: alice", await a.ReadLineAsync());

        var again = await hosts.AddHostAsync();
        await hosts[again].WaitForOutputAsync("cluster: this host is up as", Formed);
        await using var d = await MemberAsync(hosts[again], "dave");
        await WaitForWhoAsync(d, "*** 2 in lobby: alice, dave");
        await d.SendAsync("back again\r\n");
        await a.ReadUntilLineAsync("[dave] back again");
    }

    /// <summary>
    /// Once the cluster is up: alice on host 0, bob on host 1, carol on host 2, returned once every host knows
    /// every member (the rosters have travelled).
    /// </summary>
    private static async Task<(TestClient A, TestClient B, TestClient C)> AliceBobAndCarolAsync(ClusterOfHosts hosts)
    {
        await hosts.WaitUntilUpAsync(Formed);
        var a = await MemberAsync(hosts[0], "alice");
        var b = await MemberAsync(hosts[1], "bob");
        var c = await MemberAsync(hosts[2], "carol");
        foreach (var member in new[] { a, b, c })
        {
            await WaitForWhoAsync(member, "*** 3 in lobby: alice, bob, carol");
        }

        return (a, b, c);
    }

    /// <summary>Connects to <paramref name="host"/>'s chat and takes <paramref name="nick"/>.</summary>
    private static async Task<TestClient> MemberAsync(HostProcess host, string nick)
    {
        var client = await TestClient.ConnectAsync(host.Endpoint("chat").EndPoint);
        await client.ReadUntilAsync(line => line.StartsWith("*** Welcome to the chat", StringComparison.Ordinal));
        await client.SendAsync($"/nick {nick}\r\n");
        await client.ReadUntilLineAsync($"*** You are now known as {nick}");
        return client;
    }

    /// <summary>Asks <c>/who</c> until the answer is <paramref name="expected"/> (the hosts' rosters travel by gossip); bounded.</summary>
    private static async Task WaitForWhoAsync(TestClient client, string expected)
    {
        var last = string.Empty;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await client.SendAsync("/who\r\n");
            var lines = await client.ReadUntilAsync(line => line.StartsWith("*** ", StringComparison.Ordinal) && line.Contains(" in lobby", StringComparison.Ordinal));
            last = lines[^1];
            if (last == expected)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"/who never answered \"{expected}\"; last: \"{last}\"");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterTestsCollection
{
    public const string Name = "cluster of hosts";
}
