using ActorSockets.Cluster.Tests.Internal;
using Akka.Actor;
using Akka.Configuration;
using Xunit.Abstractions;

namespace ActorSockets.Cluster.Tests;

/// <summary>
/// A test kit whose <c>Sys</c> is one cluster node and which starts more nodes on demand (<see cref="StartNode"/>),
/// all sharing the test's config (loopback, port 0), and shuts every one of them down after the test, however it
/// ended. A node a test has already terminated (a "crash") is simply shut down again.
/// </summary>
public abstract class LoopbackClusterTestKit : Akka.TestKit.Xunit2.TestKit
{
    private readonly List<ActorSystem> _nodes = [];

    protected LoopbackClusterTestKit(Config config, ITestOutputHelper output)
        : base(config, LoopbackCluster.SystemName, output)
    {
    }

    /// <summary>Starts another node (not yet joined); see <see cref="LoopbackCluster.FormAsync"/>.</summary>
    protected ActorSystem StartNode()
    {
        var node = ActorSystem.Create(LoopbackCluster.SystemName, Sys.Settings.Config);
        _nodes.Add(node);
        return node;
    }

    protected override void AfterAll()
    {
        foreach (var node in _nodes)
        {
            Shutdown(node, verifySystemShutdown: false);
        }

        base.AfterAll();
    }
}
