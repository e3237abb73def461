using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.TestKit;

namespace ActorSockets.Cluster.Tests.Internal;

/// <summary>
/// The config of a loopback test cluster: every node binds 127.0.0.1 port 0 (the bound port is read back from
/// <see cref="Akka.Cluster.Cluster.SelfAddress"/>), logs only warnings, and takes its failure-detection and
/// split-brain timings from the arguments, so each test states which timings its figures are for.
/// </summary>
/// <remarks>
/// <c>run-by-actor-system-terminate = off</c> makes <see cref="ActorSystem.Terminate"/> stop a node without
/// leaving the cluster: the closest in-process stand-in for <c>kill -9</c> (the others only learn of it from
/// missing heartbeats). A graceful leave is asked for explicitly with <see cref="Akka.Cluster.Cluster.LeaveAsync()"/>.
/// </remarks>
internal static class LoopbackCluster
{
    /// <summary>The name every node's ActorSystem shares (a cluster is formed by systems of one name).</summary>
    public const string SystemName = "chat";

    /// <summary>The timings these tests propose for production (docs/cluster-chat.md): Akka's heartbeat defaults, SBR stable-after 7 s.</summary>
    public static Config Proposed() => Build(acceptableHeartbeatPause: "3s", stableAfter: "7s");

    /// <summary>Shorter timings for tests that need a removal but do not measure it.</summary>
    public static Config Fast() => Build(acceptableHeartbeatPause: "2s", stableAfter: "2s");

    public static Config Build(string acceptableHeartbeatPause, string stableAfter) =>
        ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = WARNING
              stdout-loglevel = WARNING
              actor.provider = cluster
              remote.dot-netty.tcp {
                hostname = "127.0.0.1"
                port = 0
              }
              # Started with the system, as a host would: a node whose mediator is not running yet cannot read
              # the pub-sub gossip other nodes send it ("Could not find any internal Akka.NET serializer with Id [9]").
              extensions = ["Akka.Cluster.Tools.PublishSubscribe.DistributedPubSubExtensionProvider, Akka.Cluster.Tools"]
              coordinated-shutdown.run-by-actor-system-terminate = off
              cluster {
                failure-detector.acceptable-heartbeat-pause = {{acceptableHeartbeatPause}}
                split-brain-resolver {
                  active-strategy = keep-majority
                  stable-after = {{stableAfter}}
                }
                # As proposed for the hosts: a downed host leaves the cluster but keeps its ActorSystem (and members).
                run-coordinated-shutdown-when-down = off
                log-info = off
              }
            }
            """)
            // The chat's own wire format, as a host renders it (tests with the chat's registries cross the wire with it).
            .WithFallback(ConfigurationFactory.ParseString(ActorSockets.Protocols.Chat.Cluster.ClusterChatAkkaConfig.SerializationHocon))
            .WithFallback(DistributedPubSub.DefaultConfig())
            .WithFallback(ClusterSingleton.DefaultConfig())
            .WithFallback(TestKitBase.DefaultConfig);

    /// <summary>
    /// Makes <paramref name="first"/> a one-node cluster, waits until it is up, then joins each of
    /// <paramref name="others"/> to it and waits until every node sees every node up. The first node is
    /// therefore the oldest member, which is where a cluster singleton runs.
    /// </summary>
    public static async Task FormAsync(TestKitBase kit, ActorSystem first, params ActorSystem[] others)
    {
        var seed = Akka.Cluster.Cluster.Get(first);
        await seed.JoinAsync(seed.SelfAddress);
        foreach (var other in others)
        {
            await Akka.Cluster.Cluster.Get(other).JoinAsync(seed.SelfAddress);
        }

        var all = new[] { first }.Concat(others).ToArray();
        await kit.AwaitAssertAsync(
            () =>
            {
                foreach (var system in all)
                {
                    var upCount = Akka.Cluster.Cluster.Get(system).State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up);
                    Assert.Equal(all.Length, upCount);
                }
            },
            TimeSpan.FromSeconds(20),
            TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The address a node's remoting actually bound (port 0 was asked for).</summary>
    public static Address AddressOf(ActorSystem system) => Akka.Cluster.Cluster.Get(system).SelfAddress;
}
