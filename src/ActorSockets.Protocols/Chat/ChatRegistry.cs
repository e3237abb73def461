using ActorSockets.Protocols.Chat.Cluster;
using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.Event;

namespace ActorSockets.Protocols.Chat;

/// <summary>
/// The directory of one chat endpoint: which member has which nick (unique across the endpoint) and is in
/// which room. It creates rooms on demand (<c>/join</c>), stops them when their last member leaves (except the
/// default room), routes private messages, and lists rooms. Members are session actors; the registry watches
/// them, so a member that stops without saying why leaves with the reason "connection closed".
/// </summary>
/// <remarks>
/// Every membership change goes through here and then to the room, so the registry's counts and the rooms'
/// member lists never disagree for long, and nick checks need no coordination between rooms. Rooms are
/// unnamed children kept in a dictionary: a room being stopped never blocks a new room of the same name.
/// </remarks>
public sealed partial class ChatRegistry : ReceiveActor, IWithTimers
{
    private readonly ChatSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<IActorRef, Member> _members = [];
    private readonly Dictionary<string, IActorRef> _nicks = new(ChatNames.Comparer);
    private readonly Dictionary<string, Room> _rooms = new(ChatNames.Comparer);
    private readonly Func<IActorRef, Props>? _relayProps;
    private readonly Dictionary<RemoteMember, Member> _remote = [];
    private readonly Dictionary<string, RemoteMember> _remoteNicks = new(ChatNames.Comparer);
    private IActorRef? _relay;
    private string _origin = string.Empty;
    private long _guests;
    private long _ids;

    /// <summary>Creates the registry.</summary>
    /// <param name="settings">The endpoint's chat settings.</param>
    /// <param name="relayProps">
    /// The props of the link to the other hosts, given the registry; null for the default: a
    /// <see cref="ClusterChatRelay"/> when the actor system is a cluster member, none otherwise.
    /// </param>
    public ChatRegistry(ChatSettings settings, Func<IActorRef, Props>? relayProps = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _relayProps = relayProps;
        Serving();
    }

    /// <summary>The props of a registry with <paramref name="settings"/>.</summary>
    public static Props CreateProps(ChatSettings settings, Func<IActorRef, Props>? relayProps = null) =>
        ActorProps.Of(() => new ChatRegistry(settings, relayProps));

    /// <summary>The timers of this actor (Akka sets it).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    protected override void PreStart()
    {
        var clustered = _relayProps is null && ClusterChatRelay.IsClustered(Context.System);
        var props = _relayProps
            ?? (clustered ? registry => ClusterChatRelay.CreateProps(_settings.EndpointName, registry, _settings.ClusterMaxUnackedEvents) : null);
        if (props is not null)
        {
            _relay = Context.ActorOf(props(Self), "cluster-relay");
        }

        if (clustered)
        {
            StartNickAuthority();
        }
    }

    private void Serving()
    {
        Receive<Connect>(_ => OnConnect(Sender));
        Receive<ChangeNick>(change => OnChangeNick(Sender, change.Nick));
        Receive<JoinRoom>(join => OnJoinRoom(Sender, join.Room));
        Receive<SendPrivate>(message => OnSendPrivate(Sender, message));
        Receive<ListRooms>(_ => Sender.Tell(
            Deliver.Line(ChatFormat.Rooms(_rooms.Select(r => new RoomSummary(r.Key, r.Value.Count)))), Self));
        Receive<Leave>(leave =>
        {
            if (!Remove(Sender, leave.Reason, acknowledge: true))
            {
                Sender.Tell(ChatRoom.LeaveHandled.Instance, Self);
            }
        });
        Receive<Terminated>(terminated => Remove(terminated.ActorRef, LeaveReason.Disconnected, acknowledge: false));
        Receive<ChatRoom.ServerSay>(say => RoomOf(_settings.DefaultRoom).Ref.Tell(say, Self));
        FromOtherHosts();
    }

    private void OnConnect(IActorRef member)
    {
        if (_members.ContainsKey(member))
        {
            return;
        }

        var nick = NextGuestNick();
        Context.Watch(member);
        _nicks[nick] = member;
        var room = RoomOf(_settings.DefaultRoom);
        room.Count++;
        var id = ++_ids;
        _members[member] = new Member(nick, _settings.DefaultRoom) { Id = id };
        room.Ref.Tell(new ChatRoom.Join(member, nick, OnConnect: true), Self);
        _relay?.Tell(new MemberJoined(string.Empty, id, nick, room.Name), Self);
        ChatRegistryLog.Joined(_log, nick, room.Name, _members.Count);
    }

    private void OnChangeNick(IActorRef member, string nick)
    {
        if (!_members.TryGetValue(member, out var info))
        {
            return;
        }

        if (string.Equals(info.Nick, nick, StringComparison.Ordinal))
        {
            member.Tell(Deliver.Line(ChatFormat.NickAccepted(nick)), Self);
            return;
        }

        if ((_nicks.TryGetValue(nick, out var holder) && !holder.Equals(member)) || _remoteNicks.ContainsKey(nick))
        {
            member.Tell(Deliver.Line(ChatFormat.NickInUse(nick)), Self);
            return;
        }

        if (!ChatNames.IsValidNick(nick, out var error))
        {
            member.Tell(Deliver.Line(ChatFormat.Error(error)), Self);
            return;
        }

        if (_settings.IsGuestNick(nick))
        {
            // Guest nicks are the server's to give: with several hosts, each gives them out without asking the others.
            member.Tell(Deliver.Line(ChatFormat.GuestNickReserved(_settings.GuestNickPrefix)), Self);
            return;
        }

        if (AskAuthority(info, nick))
        {
            return;
        }

        Rename(member, info, nick);
    }

    private void Rename(IActorRef member, Member info, string nick)
    {
        var old = info.Nick;
        _nicks.Remove(old);
        _nicks[nick] = member;
        info.Nick = nick;
        _rooms[info.Room].Ref.Tell(new ChatRoom.Renamed(member, old, nick), Self);
        _relay?.Tell(new MemberRenamed(string.Empty, info.Id, nick), Self);
        ChatRegistryLog.Renamed(_log, old, nick);
    }

    private void OnJoinRoom(IActorRef member, string roomName)
    {
        if (!_members.TryGetValue(member, out var info))
        {
            return;
        }

        if (ChatNames.Comparer.Equals(info.Room, roomName))
        {
            member.Tell(Deliver.Line(ChatFormat.AlreadyInRoom(info.Room)), Self);
            return;
        }

        if (!ChatNames.IsValidRoom(roomName, out var error))
        {
            member.Tell(Deliver.Line(ChatFormat.Error(error)), Self);
            return;
        }

        if (!_rooms.ContainsKey(roomName) && _rooms.Count >= _settings.MaxRooms)
        {
            member.Tell(Deliver.Line(ChatFormat.Error($"there are already {_settings.MaxRooms} rooms; join an existing one (/rooms)")), Self);
            return;
        }

        var target = RoomOf(roomName);
        LeaveRoom(member, info, LeaveReason.Moved, target.Name);
        info.Room = target.Name;
        target.Count++;
        target.Ref.Tell(new ChatRoom.Join(member, info.Nick, OnConnect: false), Self);
        _relay?.Tell(new MemberJoined(string.Empty, info.Id, info.Nick, target.Name), Self);
        ChatRegistryLog.Moved(_log, info.Nick, target.Name);
    }

    private void OnSendPrivate(IActorRef member, SendPrivate message)
    {
        if (!_members.TryGetValue(member, out var info))
        {
            return;
        }

        if (!_nicks.TryGetValue(message.Recipient, out var recipient))
        {
            if (_relay is not null && _remoteNicks.TryGetValue(message.Recipient, out var remote))
            {
                _relay.Tell(new PrivateLine(string.Empty, remote.Origin, remote.Id, info.Nick, message.Text), Self);
                member.Tell(Deliver.Line(ChatFormat.PrivateMessageSent(_remote[remote].Nick, message.Text)), Self);
                return;
            }

            member.Tell(Deliver.Line(ChatFormat.NoSuchNick(message.Recipient)), Self);
            return;
        }

        var to = _members[recipient].Nick;
        recipient.Tell(Deliver.Line(ChatFormat.PrivateMessage(info.Nick, message.Text)), Self);
        member.Tell(Deliver.Line(ChatFormat.PrivateMessageSent(to, message.Text)), Self);
    }

    private bool Remove(IActorRef member, LeaveReason reason, bool acknowledge)
    {
        if (!_members.Remove(member, out var info))
        {
            return false;
        }

        Context.Unwatch(member);
        _nicks.Remove(info.Nick);
        ReleaseNicks(info);
        LeaveRoom(member, info, reason, movedTo: null, acknowledge);
        ChatRegistryLog.Left(_log, info.Nick, ChatFormat.Describe(reason), _members.Count);
        return true;
    }

    private void LeaveRoom(IActorRef member, Member info, LeaveReason reason, string? movedTo, bool acknowledge = false)
    {
        var room = _rooms[info.Room];
        room.Ref.Tell(new ChatRoom.Leave(member, reason, movedTo, acknowledge), Self);
        _relay?.Tell(new MemberLeft(string.Empty, info.Id, reason, movedTo), Self);
        Vacate(room);
    }

    /// <summary>One member fewer in <paramref name="room"/>; an empty room other than the default one stops.</summary>
    private void Vacate(Room room)
    {
        room.Count--;
        if (room.Count == 0 && !ChatNames.Comparer.Equals(room.Name, _settings.DefaultRoom))
        {
            // Queued behind the Leave, so the room handles everything sent to it before it stops.
            _rooms.Remove(room.Name);
            room.Ref.Tell(PoisonPill.Instance, Self);
        }
    }

    /// <summary>
    /// A free guest nick: from this host's own block of guest numbers when the cluster's authority leased it one (no
    /// other host gives those out), else the next of this host's count.
    /// </summary>
    private string NextGuestNick()
    {
        string nick;
        do
        {
            var number = _guestBlocks.TryTake(out var leased) ? leased : ++_guests;
            nick = _settings.GuestNickPrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (IsTaken(nick));

        LeaseGuestsIfLow();
        return nick;
    }

    private bool IsTaken(string nick) => _nicks.ContainsKey(nick) || _remoteNicks.ContainsKey(nick);

    private Room RoomOf(string name)
    {
        if (!_rooms.TryGetValue(name, out var room))
        {
            room = new Room(name, Context.ActorOf(ChatRoom.CreateProps(name, _relay)));
            _rooms[name] = room;
        }

        return room;
    }

    private sealed class Member(string nick, string room)
    {
        public long Id { get; init; }

        public string Nick { get; set; } = nick;

        public string Room { get; set; } = room;
    }

    private sealed class Room(string name, IActorRef roomRef)
    {
        public string Name { get; } = name;

        public IActorRef Ref { get; } = roomRef;

        public int Count { get; set; }
    }
}
