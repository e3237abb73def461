using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;

namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// The one place in the cluster that decides who gets a chosen nick (a cluster singleton per chat endpoint, see
/// <see cref="ChatRegistry"/>): when two hosts ask for the same nick at once, exactly one is granted it and the other
/// is refused. It holds chosen nicks only (guest nicks are never claimed), each until its member releases it
/// (rename, leave) or its host is removed from the cluster, so it holds at most one entry per member.
/// </summary>
/// <remarks>
/// A new authority (the oldest host left, or a restart) starts empty: nicks granted before are not in it, so a
/// clash with one of them is caught after the fact by the hosts (<see cref="ChatRegistry"/> settles it by origin),
/// as is any clash with a host that decided alone while it was not in the cluster.
/// </remarks>
public sealed class NickAuthority : ReceiveActor
{
    private readonly Dictionary<string, (string Origin, long Id)> _holders = new(ChatNames.Comparer);
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);

    /// <summary>Creates the authority.</summary>
    public NickAuthority()
    {
        Receive<ClaimNick>(claim =>
        {
            if (!_holders.TryGetValue(claim.Nick, out var holder) || holder == (claim.Origin, claim.Id))
            {
                // A member holds one chosen nick: whatever it held before is free now.
                foreach (var old in _holders.Where(h => h.Value == (claim.Origin, claim.Id)).Select(h => h.Key).ToList())
                {
                    _holders.Remove(old);
                }

                _holders[claim.Nick] = (claim.Origin, claim.Id);
                Sender.Tell(new NickGranted(claim.Origin, claim.Id, claim.Nick));
            }
            else
            {
                Sender.Tell(new NickRefused(claim.Origin, claim.Id, claim.Nick));
            }
        });
        Receive<ReleaseNicks>(release =>
        {
            foreach (var nick in _holders.Where(h => h.Value == (release.Origin, release.Id)).Select(h => h.Key).ToList())
            {
                _holders.Remove(nick);
            }
        });
        Receive<ClusterEvent.MemberRemoved>(removed =>
        {
            var origin = ClusterChatRelay.OriginOf(removed.Member.UniqueAddress);
            foreach (var nick in _holders.Where(h => h.Value.Origin == origin).Select(h => h.Key).ToList())
            {
                _holders.Remove(nick);
            }
        });
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
    }

    /// <summary>The props of the authority (wrapped by Akka's ClusterSingletonManager).</summary>
    public static Props CreateProps() => Props.Create(() => new NickAuthority());

    /// <summary>The name of the singleton manager of <paramref name="endpointName"/>'s authority, a top-level actor.</summary>
    public static string ManagerName(string endpointName) => "nick-authority-" + endpointName;

    /// <inheritdoc />
    protected override void PreStart() => _cluster.Subscribe(Self, typeof(ClusterEvent.MemberRemoved));

    /// <inheritdoc />
    protected override void PostStop() => _cluster.Unsubscribe(Self);
}

/// <summary>Starts the singleton manager of a chat endpoint's <see cref="NickAuthority"/> on this host.</summary>
public static class NickAuthoritySingleton
{
    /// <summary>
    /// Starts the manager as a top-level actor, once per endpoint and host (so cluster shutdown hands the singleton
    /// over without waiting on any chat actor), and returns its name.
    /// </summary>
    public static string Start(ActorSystem system, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(system);
        var name = NickAuthority.ManagerName(endpointName);
        try
        {
            system.ActorOf(
                ClusterSingletonManager.Props(NickAuthority.CreateProps(), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system)),
                name);
        }
        catch (InvalidActorNameException)
        {
            // Started already: the registry asking was restarted by its supervisor.
        }

        return name;
    }
}

/// <summary>A host asks for <paramref name="Nick"/> for its member <paramref name="Id"/>.</summary>
public sealed record ClaimNick(string Origin, long Id, string Nick) : IClusterChatMessage;

/// <summary>The member <paramref name="Id"/> of <paramref name="Origin"/> holds <paramref name="Nick"/> now.</summary>
public sealed record NickGranted(string Origin, long Id, string Nick) : IClusterChatMessage;

/// <summary>Another member holds <paramref name="Nick"/>.</summary>
public sealed record NickRefused(string Origin, long Id, string Nick) : IClusterChatMessage;

/// <summary>The member left or took a guest nick: whatever chosen nick it held is free.</summary>
public sealed record ReleaseNicks(string Origin, long Id) : IClusterChatMessage;
