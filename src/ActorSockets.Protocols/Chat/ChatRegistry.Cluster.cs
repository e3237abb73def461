using ActorSockets.Protocols.Chat.Cluster;
using Akka.Actor;

namespace ActorSockets.Protocols.Chat;

/// <summary>
/// The registry's side of the chat across hosts: members of the other hosts, as their hosts' relays report
/// them (<see cref="ClusterChatRelay"/>). They sit in the local rooms beside the local members, so <c>/who</c>,
/// <c>/rooms</c>, <c>/msg</c> and nick checks see the whole cluster, and join, leave and rename notices reach
/// the local members. Their state belongs to their own host: this is a copy, replaced whenever that host sends
/// its roster and dropped when it leaves the cluster.
/// </summary>
public sealed partial class ChatRegistry
{
    private void FromOtherHosts()
    {
        Receive<ClusterChatRelay.Ready>(ready => _origin = ready.Origin);
        Receive<MemberJoined>(joined => AddRemote(new RemoteMember(joined.Origin, joined.Id), joined.Nick, joined.Room, announce: true));
        Receive<MemberLeft>(left => RemoveRemote(new RemoteMember(left.Origin, left.Id), left.Reason, left.MovedTo, announce: true));
        Receive<MemberRenamed>(renamed => RenameRemote(new RemoteMember(renamed.Origin, renamed.Id), renamed.Nick, announce: true));
        Receive<RoomLine>(line =>
        {
            if (_rooms.TryGetValue(line.Room, out var room))
            {
                room.Ref.Tell(new ChatRoom.RemoteLine(line.Line), Self);
            }
        });
        Receive<PrivateLine>(line =>
        {
            var recipient = _members.FirstOrDefault(m => m.Value.Id == line.ToId).Key;
            recipient?.Tell(Deliver.Line(ChatFormat.PrivateMessage(line.FromNick, line.Text)), Self);
        });
        Receive<Missed>(missed =>
        {
            foreach (var room in _rooms.Values)
            {
                room.Ref.Tell(new ChatRoom.RemoteLine(ChatFormat.MissedFromAnotherHost(missed.Count)), Self);
            }
        });
        Receive<ClusterChatRelay.HostGone>(gone =>
        {
            var leaving = _remote.Keys
                .Where(m => gone.Origin == ClusterChatRelay.HostGone.EveryOtherHost || m.Origin == gone.Origin)
                .ToList();
            foreach (var member in leaving)
            {
                RemoveRemote(member, gone.Reason, movedTo: null, announce: true);
            }
        });
        Receive<ClusterChatRelay.RosterReplaced>(roster =>
        {
            var current = roster.Members.Select(e => new RemoteMember(roster.Origin, e.Id)).ToHashSet();
            foreach (var stale in _remote.Keys.Where(m => m.Origin == roster.Origin && !current.Contains(m)).ToList())
            {
                RemoveRemote(stale, LeaveReason.Disconnected, movedTo: null, announce: false);
            }

            foreach (var entry in roster.Members)
            {
                var key = new RemoteMember(roster.Origin, entry.Id);
                if (_remote.TryGetValue(key, out var known) && !ChatNames.Comparer.Equals(known.Room, entry.Room))
                {
                    RemoveRemote(key, LeaveReason.Moved, entry.Room, announce: false);
                }

                if (_remote.ContainsKey(key))
                {
                    RenameRemote(key, entry.Nick, announce: false);
                }
                else
                {
                    AddRemote(key, entry.Nick, entry.Room, announce: false);
                }
            }
        });
    }

    private void AddRemote(RemoteMember key, string nick, string roomName, bool announce)
    {
        if (_remote.ContainsKey(key))
        {
            RemoveRemote(key, LeaveReason.Moved, roomName, announce: false);
        }

        var room = RoomOf(roomName);
        room.Count++;
        _remote[key] = new Member(nick, room.Name) { Id = key.Id };
        _remoteNicks[nick] = key;
        room.Ref.Tell(new ChatRoom.RemoteJoin(key, nick, announce), Self);
        SettleClash(nick, key);
    }

    private void RemoveRemote(RemoteMember key, LeaveReason reason, string? movedTo, bool announce)
    {
        if (!_remote.Remove(key, out var info))
        {
            return;
        }

        if (_remoteNicks.TryGetValue(info.Nick, out var holder) && holder == key)
        {
            _remoteNicks.Remove(info.Nick);
        }

        var room = _rooms[info.Room];
        room.Ref.Tell(new ChatRoom.RemoteLeave(key, reason, movedTo, announce), Self);
        Vacate(room);
    }

    private void RenameRemote(RemoteMember key, string nick, bool announce)
    {
        if (!_remote.TryGetValue(key, out var info) || string.Equals(info.Nick, nick, StringComparison.Ordinal))
        {
            return;
        }

        if (_remoteNicks.TryGetValue(info.Nick, out var holder) && holder == key)
        {
            _remoteNicks.Remove(info.Nick);
        }

        info.Nick = nick;
        _remoteNicks[nick] = key;
        _rooms[info.Room].Ref.Tell(new ChatRoom.RemoteRenamed(key, nick, announce), Self);
        SettleClash(nick, key);
    }

    /// <summary>
    /// Two hosts gave the same nick away at the same moment (each checked before hearing of the other). Both
    /// see the clash and settle it the same way: the host whose origin sorts first keeps the nick, the other
    /// renames its member to a fresh guest nick and tells it why.
    /// </summary>
    private void SettleClash(string nick, RemoteMember remote)
    {
        if (!_nicks.TryGetValue(nick, out var member) || string.CompareOrdinal(_origin, remote.Origin) < 0)
        {
            return;
        }

        var info = _members[member];
        string guest;
        do
        {
            guest = _settings.GuestNickPrefix + (++_guests).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (IsTaken(guest));

        member.Tell(Deliver.Line(ChatFormat.NickTakenElsewhere(nick)), Self);
        Rename(member, info, guest);
    }
}
