using ActorSockets.Cluster.Tests.Internal;
using ActorSockets.Protocols.Chat.Cluster;
using NickAuthority = ActorSockets.Protocols.Chat.Cluster.NickAuthority;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Tools.Singleton;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.Cluster.Tests;

/// <summary>
/// The chat's <see cref="NickAuthority"/> on three clustered nodes, each host's registry played by a probe on that
/// host's chat topic: a new authority asks every host which nicks its members hold and decides nothing until they
/// answered, so after it moves (its host leaves) it still refuses a nick a member elsewhere holds.
/// </summary>
public sealed class NickAuthorityCensusTests : LoopbackClusterTestKit
{
    private const string Endpoint = "chat";

    public NickAuthorityCensusTests(ITestOutputHelper output)
        : base(LoopbackCluster.Fast(), output)
    {
    }

    [Fact]
    public async Task Census_ClaimsWaitForEveryHost_AndANewAuthorityStillKnowsWhoHoldsWhat()
    {
        var nodeA = StartNode();
        var nodeB = StartNode();
        var nodeC = StartNode();
        await LoopbackCluster.FormAsync(this, nodeA, nodeB, nodeC);
        var hosts = new[] { nodeA, nodeB, nodeC }.Select(node => new Host(this, node)).ToArray();
        foreach (var host in hosts)
        {
            await host.SubscribeAsync();
            
            // Long enough that the test sees claims wait for a silent host (the default is 3 s).
            NickAuthoritySingleton.Start(host.Node, Endpoint, censusTimeout: TimeSpan.FromSeconds(20));
        }

        var (a, b, c) = (hosts[0], hosts[1], hosts[2]);

        // The first authority (on A, the oldest) asks each host; C stays silent for now.
        await a.ExpectCensusAsync();
        await b.ExpectCensusAsync();
        await c.ExpectCensusAsync();
        a.Report();
        b.Report([new HeldNick(1, "alice")], guestBlocks: [5001]);
        a.Claim(7, "carol");
        Assert.DoesNotContain(a.Probe.ReceiveWhile<object>(TimeSpan.FromSeconds(1), m => m), m => m is not NickCensus);

        c.Report();
        Assert.Equal(new NickGranted(a.Origin, 7, "carol"), await a.AnswerAsync());

        // Guest blocks follow the highest any host holds.
        a.Lease();
        Assert.Equal(new GuestBlock(a.Origin, 6001, 1000), await a.Probe.FishForMessageAsync<GuestBlock>(m => m is GuestBlock, TimeSpan.FromSeconds(5)));
        c.Claim(3, "ALICE");
        Assert.Equal(new NickRefused(c.Origin, 3, "ALICE"), await c.AnswerAsync());

        // A leaves: the authority starts again on B, which asks the two hosts left before it decides anything.
        await Akka.Cluster.Cluster.Get(nodeA).LeaveAsync();
        await b.ExpectCensusAsync(TimeSpan.FromSeconds(30));
        await c.ExpectCensusAsync();
        b.Report([new HeldNick(1, "alice")], guestBlocks: [5001]);
        c.Report();

        var answer = await c.ClaimUntilAnsweredAsync(3, "alice");
        Assert.Equal(new NickRefused(c.Origin, 3, "alice"), answer);

        // What A's members held went with A.
        Assert.Equal(new NickGranted(c.Origin, 3, "carol"), await c.ClaimUntilAnsweredAsync(3, "carol"));
        c.Lease();
        Assert.Equal(new GuestBlock(c.Origin, 6001, 1000), await c.Probe.FishForMessageAsync<GuestBlock>(m => m is GuestBlock, TimeSpan.FromSeconds(5)));
    }

    /// <summary>One host: a probe on its chat topic (in place of its relay and registry) and a proxy to the authority.</summary>
    private sealed class Host(TestKitBase kit, ActorSystem node)
    {
        private readonly IActorRef _proxy = node.ActorOf(
            ClusterSingletonProxy.Props("/user/" + NickAuthority.ManagerName(Endpoint), ClusterSingletonProxySettings.Create(node)));

        public ActorSystem Node { get; } = node;

        public TestProbe Probe { get; } = kit.CreateTestProbe(node);

        public string Origin { get; } = ClusterChatRelay.OriginOf(Akka.Cluster.Cluster.Get(node).SelfUniqueAddress);

        public async Task SubscribeAsync()
        {
            DistributedPubSub.Get(Node).Mediator.Tell(new Subscribe(ClusterChatRelay.TopicPrefix(Endpoint) + Origin, Probe.Ref), Probe.Ref);
            await Probe.ExpectMsgAsync<SubscribeAck>(TimeSpan.FromSeconds(10));
        }

        /// <summary>The census reached this host (repeats of it, until the host answers, are skipped later).</summary>
        public async Task ExpectCensusAsync(TimeSpan? timeout = null) =>
            await Probe.FishForMessageAsync<NickCensus>(m => m is NickCensus, timeout ?? TimeSpan.FromSeconds(10));

        public void Report(HeldNick[]? nicks = null, long[]? guestBlocks = null) =>
            _proxy.Tell(new HeldNicks(Origin, nicks ?? [], guestBlocks ?? []), Probe.Ref);

        public void Lease() => _proxy.Tell(new LeaseGuests(Origin), Probe.Ref);

        public void Claim(long id, string nick) => _proxy.Tell(new ClaimNick(Origin, id, nick), Probe.Ref);

        /// <summary>The authority's answer to a claim (repeated census questions skipped).</summary>
        public async Task<IClusterChatMessage> AnswerAsync(TimeSpan? timeout = null) =>
            (IClusterChatMessage)await Probe.FishForMessageAsync(m => m is NickGranted or NickRefused, timeout ?? TimeSpan.FromSeconds(5));

        /// <summary>Claims until the authority answers (the proxy finds the new one within a few seconds).</summary>
        public async Task<IClusterChatMessage> ClaimUntilAnsweredAsync(long id, string nick)
        {
            IClusterChatMessage? answer = null;
            await kit.AwaitAssertAsync(
                async () =>
                {
                    Claim(id, nick);
                    answer = await AnswerAsync(TimeSpan.FromSeconds(2));
                },
                TimeSpan.FromSeconds(30),
                TimeSpan.FromMilliseconds(100));
            return answer!;
        }
    }
}
