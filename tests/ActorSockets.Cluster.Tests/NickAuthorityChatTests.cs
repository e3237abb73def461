using System.Text;
using ActorSockets.Cluster.Tests.Internal;
using ActorSockets.Protocols.Chat;
using Akka.Actor;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.Cluster.Tests;

/// <summary>
/// The chat's nicks across hosts with the real <see cref="ChatRegistry"/> on two clustered nodes (its relay and the
/// nick authority singleton start by themselves in a cluster): two hosts asking for the same nick at the same moment,
/// again and again, and each time exactly one member gets it and the other the clash error.
/// </summary>
public sealed class NickAuthorityChatTests : LoopbackClusterTestKit
{
    public NickAuthorityChatTests(ITestOutputHelper output)
        : base(LoopbackCluster.Fast(), output)
    {
    }

    [Fact]
    public async Task Nick_TwoHostsAskAtOnce_ExactlyOneGetsItEveryTime()
    {
        var nodeB = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB);
        var registryA = Sys.ActorOf(ChatRegistry.CreateProps(ChatSettings.Default), "registry");
        var registryB = nodeB.ActorOf(ChatRegistry.CreateProps(ChatSettings.Default), "registry");
        var alice = CreateTestProbe(Sys, "alice");
        var bob = CreateTestProbe(nodeB, "bob");
        registryA.Tell(ChatRegistry.Connect.Instance, alice.Ref);
        registryB.Tell(ChatRegistry.Connect.Instance, bob.Ref);
        await alice.ExpectMsgAsync<ChatRoom.Joined>(TimeSpan.FromSeconds(10));
        await bob.ExpectMsgAsync<ChatRoom.Joined>(TimeSpan.FromSeconds(10));

        // Until the singleton is up and found (a claim that times out answers "try again").
        await AwaitAssertAsync(
            async () =>
            {
                registryA.Tell(new ChatRegistry.ChangeNick("warm-a"), alice.Ref);
                var answer = await AnswerAsync(alice, "warm-a");
                Assert.Equal("*** You are now known as warm-a", answer);
            },
            TimeSpan.FromSeconds(40),
            TimeSpan.FromMilliseconds(500));

        for (var race = 0; race < 10; race++)
        {
            var nick = $"race-{race}";
            registryA.Tell(new ChatRegistry.ChangeNick(nick), alice.Ref);
            registryB.Tell(new ChatRegistry.ChangeNick(nick), bob.Ref);

            var answers = new[] { await AnswerAsync(alice, nick), await AnswerAsync(bob, nick) };

            Assert.Single(answers, a => a == $"*** You are now known as {nick}");
            Assert.Single(answers, a => a == $"*** Error: the nick {nick} is already in use");
        }

        // Nobody was renamed after the fact: every race had one winner from the start.
        var late = alice.ReceiveWhile<object>(TimeSpan.FromMilliseconds(500), m => m)
            .Concat(bob.ReceiveWhile<object>(TimeSpan.FromMilliseconds(500), m => m))
            .OfType<Deliver>()
            .Select(Text);
        Assert.DoesNotContain(late, line => line.Contains("taken on another host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GuestNicks_ManyJoinAtOnceOnTwoHosts_NoTwoGetTheSameAndNobodyIsRenamed()
    {
        var nodeB = StartNode();
        await LoopbackCluster.FormAsync(this, Sys, nodeB);
        var registryA = Sys.ActorOf(ChatRegistry.CreateProps(ChatSettings.Default), "registry");
        var registryB = nodeB.ActorOf(ChatRegistry.CreateProps(ChatSettings.Default), "registry");

        // Each host leases its own block of guest numbers as soon as it is up and the authority answers.
        TestProbe first = null!;
        await AwaitAssertAsync(
            async () =>
            {
                first = CreateTestProbe(Sys);
                registryA.Tell(ChatRegistry.Connect.Instance, first.Ref);
                var joined = await first.FishForMessageAsync<ChatRoom.Joined>(m => m is ChatRoom.Joined, TimeSpan.FromSeconds(5));
                Assert.True(
                    int.Parse(joined.Nick["guest-".Length..], System.Globalization.CultureInfo.InvariantCulture) > 1000,
                    $"{joined.Nick} is not from a leased block");
            },
            TimeSpan.FromSeconds(40),
            TimeSpan.FromMilliseconds(500));

        var members = Enumerable.Range(0, 40)
            .Select(i => (Registry: i % 2 == 0 ? registryA : registryB, Probe: CreateTestProbe(i % 2 == 0 ? Sys : nodeB)))
            .ToList();
        foreach (var (registry, probe) in members)
        {
            registry.Tell(ChatRegistry.Connect.Instance, probe.Ref);
        }

        var nicks = new List<string>();
        foreach (var (_, probe) in members)
        {
            nicks.Add((await probe.FishForMessageAsync<ChatRoom.Joined>(m => m is ChatRoom.Joined, TimeSpan.FromSeconds(10))).Nick);
        }

        Assert.Equal(nicks.Count, nicks.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var late = members.SelectMany(m => m.Probe.ReceiveWhile<object>(TimeSpan.FromMilliseconds(100), x => x))
            .Concat(first.ReceiveWhile<object>(TimeSpan.FromSeconds(1), x => x))
            .OfType<Deliver>()
            .Select(Text);
        Assert.DoesNotContain(late, line => line.Contains("taken on another host", StringComparison.Ordinal));
    }

    private static string Text(Deliver deliver) => deliver.Data.ToString(Encoding.UTF8).TrimEnd('\r', '\n');

    /// <summary>The member's answer about <paramref name="nick"/>: accepted, in use or try again (notices skipped).</summary>
    private static async Task<string> AnswerAsync(TestProbe member, string nick)
    {
        var answer = await member.FishForMessageAsync<Deliver>(
            m => m is Deliver d && Text(d) is var line
                && (line == $"*** You are now known as {nick}" || line.StartsWith($"*** Error: the nick {nick} ", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15));
        return Text(answer);
    }
}
