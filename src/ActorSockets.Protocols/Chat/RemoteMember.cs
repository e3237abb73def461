namespace ActorSockets.Protocols.Chat;

/// <summary>A member of another host of the cluster: its host incarnation (see <see cref="Cluster.ClusterChatRelay.OriginOf"/>) and its id there.</summary>
/// <param name="Origin">The host incarnation.</param>
/// <param name="Id">The member's id on that host.</param>
public readonly record struct RemoteMember(string Origin, long Id);
