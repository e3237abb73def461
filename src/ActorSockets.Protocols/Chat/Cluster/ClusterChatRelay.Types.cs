using Akka.Actor;

namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>The relay's messages to its registry, and the state it keeps per other host.</summary>
public sealed partial class ClusterChatRelay
{
    /// <summary>To the registry, first: this host's origin name (nick clashes between hosts are settled by it).</summary>
    public sealed record Ready(string Origin);

    /// <summary>To the registry: this host is up in the cluster (it may have decided nicks alone before).</summary>
    public sealed class SelfUp
    {
        /// <summary>The one instance.</summary>
        public static readonly SelfUp Instance = new();
    }

    /// <summary>To the registry: every member of <paramref name="Origin"/> is gone, for <paramref name="Reason"/>.</summary>
    public sealed record HostGone(string Origin, LeaveReason Reason)
    {
        /// <summary>The <c>Origin</c> that means every host but this one (this host was removed itself).</summary>
        public const string EveryOtherHost = "*";
    }

    /// <summary>To the registry: <paramref name="Origin"/>'s members are exactly <paramref name="Members"/> now.</summary>
    public sealed record RosterReplaced(string Origin, RosterEntry[] Members);

    /// <summary>Another host as a destination: what was sent to it, what it acknowledged, whether it is cut off.</summary>
    private sealed class Destination(string origin, string topic, string name)
    {
        public string Origin { get; } = origin;

        public string Topic { get; } = topic;

        public string Name { get; } = name;

        public long Sent { get; set; }

        public long Acked { get; set; }

        public bool CutOff { get; set; }

        public long Skipped { get; set; }
    }

    /// <summary>Another host as a source: what we handled of it and acknowledged, and its relay.</summary>
    private sealed class Source
    {
        public long Handled { get; set; }

        public long Acked { get; set; }

        public IActorRef? Sender { get; set; }
    }

    private sealed class SendHello
    {
        public static readonly SendHello Instance = new();
    }

    private sealed class SendAcks
    {
        public static readonly SendAcks Instance = new();
    }
}
