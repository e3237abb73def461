namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// The Akka settings the chat across hosts needs (issue 13): the host appends <see cref="Hocon"/> to the Akka
/// configuration it renders whenever <c>actorsockets.cluster.enabled = on</c>. This is the one contract between the
/// host, which owns the cluster's address and seeds, and the chat, which owns what travels between hosts
/// (serializer bindings, pub-sub and singleton settings).
/// </summary>
public static class ClusterChatAkkaConfig
{
    /// <summary>The serializer of the messages between hosts, and its binding (usable on any actor system).</summary>
    public static string SerializationHocon { get; } =
        $$"""
        akka.actor {
          serializers.actorsockets-chat = "{{typeof(ClusterChatSerializer).FullName}}, {{typeof(ClusterChatSerializer).Assembly.GetName().Name}}"
          serialization-bindings { "{{typeof(IClusterChatMessage).FullName}}, {{typeof(IClusterChatMessage).Assembly.GetName().Name}}" = actorsockets-chat }
        }
        """;

    /// <summary>HOCON for Akka's tree (keys under <c>akka.</c>), valid on its own.</summary>
    /// <remarks>
    /// DistributedPubSub starts with the actor system: a host whose mediator is not running yet cannot read the
    /// pub-sub gossip other hosts already send it (Akka logs "Could not find any internal Akka.NET serializer with
    /// Id [9]"; seen in tests/ActorSockets.Cluster.Tests). Messages between hosts use
    /// <see cref="ClusterChatSerializer"/> (docs/cluster-chat.md, section 8).
    /// </remarks>
    public static string Hocon { get; } =
        "akka.extensions = [\"Akka.Cluster.Tools.PublishSubscribe.DistributedPubSubExtensionProvider, Akka.Cluster.Tools\"]\n"
        + SerializationHocon;
}
