namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// What travels between hosts for one chat endpoint (published on its pub-sub topic). Every message names its
/// <c>Origin</c>: the sending host's cluster identity (address and incarnation), so a restarted host is a new origin.
/// Collections are arrays: they survive Akka's JSON serializer, interface-typed collections may not
/// (docs/cluster-chat.md, section 8).
/// </summary>
public interface IClusterChatMessage
{
    /// <summary>The host that sent it.</summary>
    string Origin { get; }
}

/// <summary>A member of <paramref name="Origin"/> joined <paramref name="Room"/> (on connect or by <c>/join</c>).</summary>
public sealed record MemberJoined(string Origin, long Id, string Nick, string Room) : IClusterChatMessage;

/// <summary>A member of <paramref name="Origin"/> left its room.</summary>
public sealed record MemberLeft(string Origin, long Id, LeaveReason Reason, string? MovedTo) : IClusterChatMessage;

/// <summary>A message about one member's nick: its <c>Id</c> on its host and the <c>Nick</c> (one wire shape).</summary>
public interface IMemberNick : IClusterChatMessage
{
    /// <summary>The member's id on its host.</summary>
    long Id { get; }

    /// <summary>The nick.</summary>
    string Nick { get; }
}

/// <summary>A member of <paramref name="Origin"/> is now <paramref name="Nick"/>.</summary>
public sealed record MemberRenamed(string Origin, long Id, string Nick) : IMemberNick;

/// <summary>A line said in <paramref name="Room"/> on <paramref name="Origin"/>, formatted as members read it.</summary>
public sealed record RoomLine(string Origin, string Room, string Line) : IClusterChatMessage;

/// <summary>A private message for member <paramref name="ToId"/> of <paramref name="ToOrigin"/>.</summary>
public sealed record PrivateLine(string Origin, string ToOrigin, long ToId, string FromNick, string Text) : IClusterChatMessage;

/// <summary>
/// A host's whole roster, in parts of at most <see cref="ClusterChatRelay.RosterPartSize"/> members; the receiver
/// replaces what it knows of <paramref name="Origin"/> once the last part is in.
/// </summary>
public sealed record RosterPart(string Origin, int Part, bool Last, RosterEntry[] Members) : IClusterChatMessage;

/// <summary>One member in a <see cref="RosterPart"/>.</summary>
public sealed record RosterEntry(long Id, string Nick, string Room);

/// <summary>
/// The envelope of everything a relay sends another host: <paramref name="Seq"/> counts from 1 per origin and
/// destination, so the destination sees a gap and acknowledges what it handled (<see cref="Ack"/>).
/// </summary>
public sealed record Relayed(string Origin, long Seq, IClusterChatMessage Message) : IClusterChatMessage;

/// <summary>From a destination back to the origin relay: every event up to <paramref name="Seq"/> is handled.</summary>
public sealed record Ack(string Origin, long Seq) : IClusterChatMessage;

/// <summary>To a host that was cut off for falling behind: it missed <paramref name="Count"/> events.</summary>
public sealed record Missed(string Origin, long Count) : IClusterChatMessage;

/// <summary>
/// Published by a host until it has every other host's roster: <paramref name="Heard"/> lists the origins whose
/// roster it has, so a host not in it publishes its roster again.
/// </summary>
public sealed record Hello(string Origin, string[] Heard) : IClusterChatMessage;
