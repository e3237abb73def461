using ActorSockets.Protocols.Internal;
using Akka.Actor;

namespace ActorSockets.Protocols.Chat;

/// <summary>
/// One chat room: it holds its members (session actors) and their nicks, and fans every line out to the
/// others. The registry decides who is in which room and under which nick (<see cref="Join"/>,
/// <see cref="Leave"/>, <see cref="Renamed"/>); members talk to the room directly (<see cref="Say"/>,
/// <see cref="Act"/>, <see cref="Who"/>).
/// </summary>
/// <remarks>
/// A room never waits on a member: a broadcast is one <see cref="Deliver"/>, encoded once, told to every other
/// member; each member's bounded outbound queue and ack-based writing are its own affair (a member that
/// cannot keep up drops itself). So a room's cost per line is one message per member.
/// </remarks>
public sealed class ChatRoom : ReceiveActor
{
    private readonly string _name;
    private readonly IActorRef? _relay;
    private readonly Dictionary<IActorRef, string> _members = [];
    private readonly Dictionary<RemoteMember, string> _remote = [];

    /// <summary>Creates the room.</summary>
    /// <param name="name">The room's name, valid per <see cref="ChatNames.IsValidRoom"/>.</param>
    /// <param name="relay">With the cluster on, the endpoint's <see cref="Cluster.ClusterChatRelay"/>: lines said here go to the other hosts too.</param>
    public ChatRoom(string name, IActorRef? relay = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        _name = name;
        _relay = relay;
        Open();
    }

    /// <summary>The props of a room named <paramref name="name"/>.</summary>
    public static Props CreateProps(string name, IActorRef? relay = null) => ActorProps.Of(() => new ChatRoom(name, relay));

    private void Open()
    {
        Receive<Join>(OnJoin);
        Receive<Leave>(OnLeave);
        Receive<Renamed>(OnRenamed);
        Receive<Say>(say =>
        {
            if (_members.TryGetValue(Sender, out var nick))
            {
                Speak(ChatFormat.Message(nick, say.Text), except: Sender);
            }
        });
        Receive<Act>(act =>
        {
            if (_members.TryGetValue(Sender, out var nick))
            {
                Speak(ChatFormat.Action(nick, act.Action), except: Sender);
            }
        });
        Receive<Who>(_ => Sender.Tell(Deliver.Line(ChatFormat.Who(_name, _members.Values.Concat(_remote.Values))), Self));
        Receive<ServerSay>(say => Speak(ChatFormat.ServerMessage(say.Text), except: null));
        Receive<RemoteJoin>(join =>
        {
            _remote[join.Member] = join.Nick;
            if (join.Announce)
            {
                Broadcast(Deliver.Line(ChatFormat.Joined(join.Nick, _name)), except: null);
            }
        });
        Receive<RemoteLeave>(leave =>
        {
            if (_remote.Remove(leave.Member, out var nick) && leave.Announce)
            {
                Broadcast(Deliver.Line(ChatFormat.Left(nick, _name, leave.Reason, leave.MovedTo)), except: null);
            }
        });
        Receive<RemoteRenamed>(renamed =>
        {
            if (_remote.TryGetValue(renamed.Member, out var old))
            {
                _remote[renamed.Member] = renamed.NewNick;
                if (renamed.Announce)
                {
                    Broadcast(Deliver.Line(ChatFormat.NickChanged(old, renamed.NewNick)), except: null);
                }
            }
        });
        Receive<RemoteLine>(line => Broadcast(Deliver.Line(line.Line), except: null));
    }

    /// <summary>A line said in this room on this host: to the local members but <paramref name="except"/>, and to the other hosts.</summary>
    private void Speak(string line, IActorRef? except)
    {
        Broadcast(Deliver.Line(line), except);
        _relay?.Tell(new Cluster.RoomLine(string.Empty, _name, line), Self);
    }

    private void OnJoin(Join join)
    {
        _members[join.Member] = join.Nick;
        join.Member.Tell(new Joined(_name, Self, join.Nick, _members.Count + _remote.Count, join.OnConnect), Self);
        Broadcast(Deliver.Line(ChatFormat.Joined(join.Nick, _name)), except: join.Member);
    }

    private void OnLeave(Leave leave)
    {
        if (_members.Remove(leave.Member, out var nick))
        {
            Broadcast(Deliver.Line(ChatFormat.Left(nick, _name, leave.Reason, leave.MovedTo)), except: leave.Acknowledge ? leave.Member : null);
        }

        if (leave.Acknowledge)
        {
            // After every answer this room owed the member: it may close now without losing one.
            leave.Member.Tell(LeaveHandled.Instance, Self);
        }
    }

    private void OnRenamed(Renamed renamed)
    {
        if (!_members.ContainsKey(renamed.Member))
        {
            return;
        }

        _members[renamed.Member] = renamed.NewNick;
        renamed.Member.Tell(Deliver.Line(ChatFormat.NickAccepted(renamed.NewNick)), Self);
        Broadcast(Deliver.Line(ChatFormat.NickChanged(renamed.OldNick, renamed.NewNick)), except: renamed.Member);
    }

    private void Broadcast(Deliver line, IActorRef? except)
    {
        foreach (var member in _members.Keys)
        {
            if (!member.Equals(except))
            {
                member.Tell(line, Self);
            }
        }
    }

    /// <summary>From the registry: <paramref name="Member"/> joins under <paramref name="Nick"/>; it gets <see cref="Joined"/>, the others a notice.</summary>
    /// <param name="Member">The member's session actor.</param>
    /// <param name="Nick">Its nick, unique across the endpoint.</param>
    /// <param name="OnConnect">True for the first room of a new connection (the member greets), false for a <c>/join</c>.</param>
    public sealed record Join(IActorRef Member, string Nick, bool OnConnect);

    /// <summary>From the registry: <paramref name="Member"/> leaves; the others (and the member, if it still reads) get a notice with the reason.</summary>
    /// <param name="Member">The member's session actor.</param>
    /// <param name="Reason">Why it leaves.</param>
    /// <param name="MovedTo">The room it moves to, for <see cref="LeaveReason.Moved"/>.</param>
    /// <param name="Acknowledge">The member is going away: skip it in the notice and answer it <see cref="LeaveHandled"/>.</param>
    public sealed record Leave(IActorRef Member, LeaveReason Reason, string? MovedTo = null, bool Acknowledge = false);

    /// <summary>
    /// To a member that left (<see cref="ChatRegistry.Leave"/>): everything the chat owed it (a <c>/who</c> or
    /// <c>/nick</c> answer sent in the same read as its <c>/quit</c>) has been sent; it can say goodbye and close.
    /// </summary>
    public sealed record LeaveHandled : INotInfluenceReceiveTimeout
    {
        private LeaveHandled()
        {
        }

        /// <summary>The single instance.</summary>
        public static LeaveHandled Instance { get; } = new();
    }

    /// <summary>From the registry: <paramref name="Member"/> is now known as <paramref name="NewNick"/>.</summary>
    public sealed record Renamed(IActorRef Member, string OldNick, string NewNick);

    /// <summary>From a member: say <paramref name="Text"/> to the others as <c>[nick] text</c>.</summary>
    public sealed record Say(string Text);

    /// <summary>From a member: show <paramref name="Action"/> to the others as <c>* nick action</c>.</summary>
    public sealed record Act(string Action);

    /// <summary>From a member: list the room's members; the answer is a <see cref="Deliver"/>.</summary>
    public sealed record Who
    {
        private Who()
        {
        }

        /// <summary>The single instance.</summary>
        public static Who Instance { get; } = new();
    }

    /// <summary>From the registry: a member of another host is in this room (<paramref name="Announce"/>: tell the local members).</summary>
    public sealed record RemoteJoin(RemoteMember Member, string Nick, bool Announce);

    /// <summary>From the registry: a member of another host left this room.</summary>
    public sealed record RemoteLeave(RemoteMember Member, LeaveReason Reason, string? MovedTo, bool Announce);

    /// <summary>From the registry: a member of another host in this room is now <paramref name="NewNick"/>.</summary>
    public sealed record RemoteRenamed(RemoteMember Member, string NewNick, bool Announce);

    /// <summary>From the registry: a line said in this room on another host, as members read it.</summary>
    public sealed record RemoteLine(string Line);

    /// <summary>From the host's console: <paramref name="Text"/> goes to every member as <c>[server] text</c>.</summary>
    public sealed record ServerSay(string Text);

    /// <summary>To a member: it is in room <paramref name="Room"/> (actor <paramref name="RoomRef"/>) as <paramref name="Nick"/>.</summary>
    public sealed record Joined(string Room, IActorRef RoomRef, string Nick, int MemberCount, bool OnConnect);
}
