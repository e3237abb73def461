namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// The Akka settings the chat across hosts needs (issue 13): the host appends <see cref="Hocon"/> to the Akka
/// configuration it renders whenever <c>actorsockets.cluster.enabled = on</c>. This is the one contract between the
/// host, which owns the cluster's address and seeds, and the chat, which owns what travels between hosts
/// (serializer bindings, pub-sub and singleton settings).
/// </summary>
public static class ClusterChatAkkaConfig
{
    /// <summary>HOCON for Akka's tree (keys under <c>akka.</c>), valid on its own; empty keys are none.</summary>
    public static string Hocon { get; } = "";
}
