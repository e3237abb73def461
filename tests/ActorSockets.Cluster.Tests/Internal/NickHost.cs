using Akka.Actor;
using Akka.Cluster.Tools.Singleton;

namespace ActorSockets.Cluster.Tests.Internal;

/// <summary>Starts the nick experiment on one node: the singleton manager of the authority, a proxy to it, and the host's book.</summary>
internal static class NickHost
{
    /// <summary>The book comes first, so a new authority asking this host what it holds finds it.</summary>
    public static IActorRef Start(ActorSystem node, TimeSpan recoveryTimeout)
    {
        var proxy = node.ActorOf(
            ClusterSingletonProxy.Props("/user/nick-authority", ClusterSingletonProxySettings.Create(node)),
            "nick-authority-proxy");
        var book = node.ActorOf(NickBook.CreateProps(proxy, LoopbackCluster.AddressOf(node).ToString()), NickBook.Name);
        node.ActorOf(
            ClusterSingletonManager.Props(
                NickAuthority.CreateProps(recoveryTimeout),
                PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(node)),
            "nick-authority");
        return book;
    }
}
