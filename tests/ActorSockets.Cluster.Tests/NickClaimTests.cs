using System.Diagnostics;
using ActorSockets.Cluster.Tests.Internal;
using Akka.Actor;
using Akka.Cluster;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.Cluster.Tests;

/// <summary>
/// The design's answer to "two hosts race for one nick: exactly one wins": a cluster-singleton nick authority
/// (<see cref="NickAuthority"/>) that rebuilds its table from the hosts when it moves.
/// </summary>
public sealed class NickClaimTests : LoopbackClusterTestKit
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    public NickClaimTests(ITestOutputHelper output)
        : base(LoopbackCluster.Fast(), output)
    {
    }

    [Fact]
    public async Task Claim_TwoHostsRaceForEachOf200Nicks_ExactlyOneWinsEach()
    {
        const int Nicks = 200;
        var nodeB = StartNode();
        var nodeC = StartNode();
        var books = await FormWithNickHostsAsync(Sys, nodeB, nodeC);
        var (bookB, bookC) = (books[1], books[2]);
        var memberB = CreateTestProbe(nodeB, "member-b");
        var memberC = CreateTestProbe(nodeC, "member-c");

        // Both proxies find the singleton first, or the first to find it would win every race.
        bookB.Tell(new NickClaims.Claim("warm-up-b", Host: ""), memberB.Ref);
        bookC.Tell(new NickClaims.Claim("warm-up-c", Host: ""), memberC.Ref);
        await memberB.ExpectMsgAsync(new NickClaims.Granted("warm-up-b"), TimeSpan.FromSeconds(15));
        await memberC.ExpectMsgAsync(new NickClaims.Granted("warm-up-c"), TimeSpan.FromSeconds(15));

        // Both hosts claim every nick, interleaved, before either has an answer; "Nick-i" and "nick-i" are one nick.
        for (var i = 0; i < Nicks; i++)
        {
            bookB.Tell(new NickClaims.Claim($"Nick-{i}", Host: ""), memberB.Ref);
            bookC.Tell(new NickClaims.Claim($"nick-{i}", Host: ""), memberC.Ref);
        }

        var answersB = await AnswersAsync(memberB, Nicks);
        var answersC = await AnswersAsync(memberC, Nicks);
        for (var i = 0; i < Nicks; i++)
        {
            var wonB = answersB[$"nick-{i}"] is NickClaims.Granted;
            var wonC = answersC[$"nick-{i}"] is NickClaims.Granted;
            Assert.True(wonB ^ wonC, $"nick-{i}: host B won {wonB}, host C won {wonC}");
            var loser = wonB ? answersC[$"nick-{i}"] : answersB[$"nick-{i}"];
            var winner = wonB ? nodeB : nodeC;
            Assert.Equal(LoopbackCluster.AddressOf(winner).ToString(), Assert.IsType<NickClaims.Taken>(loser).Holder);
        }

        Output.WriteLine($"host B won {answersB.Values.Count(a => a is NickClaims.Granted)}, host C won {answersC.Values.Count(a => a is NickClaims.Granted)} of {Nicks}");
    }

    [Fact]
    public async Task Claim_AfterTheAuthoritysHostCrashed_NewAuthorityKnowsNicksHeldOnSurvivors()
    {
        // B joins first, so it is the oldest member and runs the singleton; A is next oldest, so the authority
        // moves to A, and C's member holds the nick: C's report has to cross the wire for A to refuse it.
        var nodeB = StartNode();
        var nodeC = StartNode();
        var books = await FormWithNickHostsAsync(nodeB, Sys, nodeC);
        var (bookA, bookC) = (books[1], books[2]);
        var memberA = CreateTestProbe(Sys, "member-a");
        var memberC = CreateTestProbe(nodeC, "member-c");
        var events = CreateTestProbe(Sys, "events-a");

        bookC.Tell(new NickClaims.Claim("alice", Host: ""), memberC.Ref);
        await memberC.ExpectMsgAsync(new NickClaims.Granted("alice"), TimeSpan.FromSeconds(15));

        Akka.Cluster.Cluster.Get(Sys).Subscribe(events.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));
        await events.ExpectMsgAsync<ClusterEvent.CurrentClusterState>();
        var crashed = LoopbackCluster.AddressOf(nodeB);
        var clock = Stopwatch.StartNew();
        await nodeB.Terminate();

        var removed = await events.FishForMessageAsync<ClusterEvent.MemberRemoved>(e => e is ClusterEvent.MemberRemoved r && r.Member.Address == crashed, TimeSpan.FromSeconds(30));
        var removedSeconds = clock.Elapsed.TotalSeconds;
        Assert.Equal(MemberStatus.Down, removed.PreviousStatus);

        // The singleton moves only after the removal plus the removal margin (= stable-after under the SBR), and a
        // claim sent to the dead singleton meanwhile is lost, so a host retries; every answer must refuse. If C's
        // report were lost, the authority would wait out its 30 s recovery timeout: longer than the retries last.
        var answered = await ClaimUntilAnsweredAsync(bookA, memberA, "alice");
        var answerSeconds = clock.Elapsed.TotalSeconds;
        var taken = Assert.IsType<NickClaims.Taken>(answered);
        Assert.Equal(LoopbackCluster.AddressOf(nodeC).ToString(), taken.Holder);

        // Answers to earlier retries may still arrive first: none of them may grant alice.
        bookA.Tell(new NickClaims.Claim("bob", Host: ""), memberA.Ref);
        await memberA.FishForMessageAsync(
            m => m is NickClaims.Granted { Nick: "alice" }
                ? throw new Xunit.Sdk.XunitException("alice was granted to host A while host C holds it")
                : m is NickClaims.Granted { Nick: "bob" },
            TimeSpan.FromSeconds(5));
        Output.WriteLine($"singleton host crashed: removed after {removedSeconds:F1} s, the new authority answered a claim after {answerSeconds:F1} s (acceptable-heartbeat-pause 2 s, stable-after 2 s)");
    }

    /// <summary>Forms a cluster in the given order (the first is the oldest, where the authority runs) and starts the nick experiment on each node.</summary>
    private async Task<IActorRef[]> FormWithNickHostsAsync(params ActorSystem[] oldestFirst)
    {
        await LoopbackCluster.FormAsync(this, oldestFirst[0], oldestFirst[1..]);
        return [.. oldestFirst.Select(node => NickHost.Start(node, RecoveryTimeout))];
    }

    private static async Task<Dictionary<string, object>> AnswersAsync(TestProbe member, int count)
    {
        var answers = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            var answer = await member.ExpectMsgAsync<object>(TimeSpan.FromSeconds(15));
            var nick = answer switch
            {
                NickClaims.Granted g => g.Nick,
                NickClaims.Taken t => t.Nick,
                _ => throw new InvalidOperationException($"unexpected {answer}"),
            };
            Assert.True(answers.TryAdd(nick, answer), $"two answers for {nick}");
        }

        return answers;
    }

    private static async Task<object> ClaimUntilAnsweredAsync(IActorRef book, TestProbe member, string nick)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            book.Tell(new NickClaims.Claim(nick, Host: ""), member.Ref);
            var answer = await member.ReceiveOneAsync(TimeSpan.FromSeconds(1));
            if (answer is not null)
            {
                return answer;
            }
        }

        throw new TimeoutException($"no answer to a claim of {nick} within 20 attempts");
    }
}
