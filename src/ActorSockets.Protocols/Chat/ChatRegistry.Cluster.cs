using ActorSockets.Protocols.Chat.Cluster;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;

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
    /// <summary>A claim the authority did not answer within <c>nick-claim-timeout</c>.</summary>
    private sealed record ClaimTimedOut(long Id, string Nick);

    /// <summary>A guest block the authority did not hand out within <c>nick-claim-timeout</c>.</summary>
    private sealed class GuestLeaseTimedOut
    {
        public static readonly GuestLeaseTimedOut Instance = new();
    }

    private IActorRef? _authority;
    private readonly Dictionary<long, string> _claims = [];
    private readonly GuestNumbers _guestBlocks = new(NickAuthority.GuestBlockSize);

    /// <summary>
    /// Starts this endpoint's nick authority (a cluster singleton: its manager is a top-level actor, so cluster
    /// shutdown hands it over without waiting on this registry) and a proxy to it.
    /// </summary>
    private void StartNickAuthority()
    {
        var name = NickAuthoritySingleton.Start(Context.System, _settings.EndpointName);
        _authority = Context.ActorOf(
            ClusterSingletonProxy.Props("/user/" + name, ClusterSingletonProxySettings.Create(Context.System)),
            "nick-authority-proxy");
    }

    /// <summary>
    /// In a cluster, a chosen nick free as far as this host knows is still only this host's view: ask the authority,
    /// which grants it to exactly one asker. Alone (no cluster yet, or removed) the host decides by itself.
    /// False when the host decides now.
    /// </summary>
    private bool AskAuthority(Member info, string nick)
    {
        if (_authority is null || !IsUpInCluster())
        {
            return false;
        }

        _claims[info.Id] = nick;
        _authority.Tell(new ClaimNick(_origin, info.Id, nick), Self);
        Timers.StartSingleTimer(("nick-claim", info.Id), new ClaimTimedOut(info.Id, nick), _settings.NickClaimTimeout);
        return true;
    }

    /// <summary>
    /// Whether this host is an up member of its cluster. Call only with an authority started: only a cluster member
    /// has one, and Cluster.Get would throw on a single host's system.
    /// </summary>
    private bool IsUpInCluster()
    {
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        return !cluster.IsTerminated && cluster.SelfMember.Status == MemberStatus.Up;
    }

    private void ReleaseNicks(Member info) => _authority?.Tell(new ReleaseNicks(_origin, info.Id), Self);

    /// <summary>
    /// Tells the authority which chosen nicks this host's members hold: when a new authority asks (its census), and
    /// when this host comes up in the cluster with nicks it gave away alone. Through the proxy, like the claims, so
    /// the report keeps its place among them.
    /// </summary>
    private void ReportNicks(bool evenIfNone)
    {
        if (_authority is null || _origin.Length == 0)
        {
            return;
        }

        var held = _members.Values
            .Where(m => !_settings.IsGuestNick(m.Nick))
            .Select(m => new HeldNick(m.Id, m.Nick))
            .ToArray();
        if (held.Length > 0 || evenIfNone)
        {
            _authority.Tell(new HeldNicks(_origin, held, _guestBlocks.Held()), Self);
        }

        LeaseGuestsIfLow();
    }

    /// <summary>
    /// In a cluster, asks the authority for the next block of guest numbers once less than half of what this host
    /// holds is left (one request at a time; a lost answer is asked again after <c>nick-claim-timeout</c>).
    /// </summary>
    private void LeaseGuestsIfLow()
    {
        if (_authority is null || _origin.Length == 0 || !_guestBlocks.Low || Timers.IsTimerActive(GuestLeaseTimedOut.Instance)
            || !IsUpInCluster())
        {
            return;
        }

        _authority.Tell(new LeaseGuests(_origin), Self);
        Timers.StartSingleTimer(GuestLeaseTimedOut.Instance, GuestLeaseTimedOut.Instance, _settings.NickClaimTimeout);
    }

    private IActorRef? MemberById(long id) => _members.FirstOrDefault(m => m.Value.Id == id).Key;

    private void FromAuthority()
    {
        Receive<NickGranted>(granted =>
        {
            if (!TakeClaim(granted.Id, granted.Nick))
            {
                return;
            }

            var member = MemberById(granted.Id);
            if (member is null)
            {
                _authority?.Tell(new ReleaseNicks(_origin, granted.Id), Self);
                return;
            }

            var info = _members[member];
            if ((_nicks.TryGetValue(granted.Nick, out var holder) && !holder.Equals(member)) || _remoteNicks.ContainsKey(granted.Nick))
            {
                member.Tell(Deliver.Line(ChatFormat.NickInUse(granted.Nick)), Self);
                return;
            }

            if (!string.Equals(info.Nick, granted.Nick, StringComparison.Ordinal))
            {
                Rename(member, info, granted.Nick);
            }
        });
        Receive<NickRefused>(refused =>
        {
            if (TakeClaim(refused.Id, refused.Nick))
            {
                MemberById(refused.Id)?.Tell(Deliver.Line(ChatFormat.NickInUse(refused.Nick)), Self);
            }
        });
        Receive<GuestBlock>(block =>
        {
            Timers.Cancel(GuestLeaseTimedOut.Instance);
            _guestBlocks.Add(block.First, block.Count);
            LeaseGuestsIfLow();
        });
        Receive<GuestLeaseTimedOut>(_ => LeaseGuestsIfLow());
        Receive<ClaimTimedOut>(timedOut =>
        {
            if (TakeClaim(timedOut.Id, timedOut.Nick))
            {
                MemberById(timedOut.Id)?.Tell(Deliver.Line(ChatFormat.NickServiceUnavailable(timedOut.Nick)), Self);
            }
        });
    }

    /// <summary>The answer to the member's latest claim (an older one's is ignored): consumed here.</summary>
    private bool TakeClaim(long id, string nick)
    {
        if (!_claims.TryGetValue(id, out var pending) || !string.Equals(pending, nick, StringComparison.Ordinal))
        {
            return false;
        }

        _claims.Remove(id);
        Timers.Cancel(("nick-claim", id));
        return true;
    }

    private void FromOtherHosts()
    {
        FromAuthority();
        Receive<ClusterChatRelay.Ready>(ready => _origin = ready.Origin);
        Receive<NickCensus>(_ => ReportNicks(evenIfNone: true));
        Receive<ClusterChatRelay.SelfUp>(_ => ReportNicks(evenIfNone: false));
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
        var guest = NextGuestNick();
        member.Tell(Deliver.Line(ChatFormat.NickTakenElsewhere(nick)), Self);
        ReleaseNicks(info);
        Rename(member, info, guest);
    }
}
