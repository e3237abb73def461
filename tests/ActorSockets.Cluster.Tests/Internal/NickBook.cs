using Akka.Actor;

namespace ActorSockets.Cluster.Tests.Internal;

/// <summary>
/// One host's record of the nicks its members hold (in the design, part of the host's chat registry): it passes a
/// member's <see cref="NickClaims.Claim"/> to the authority through the local singleton proxy, records what is
/// granted, and tells a recovering authority what it holds. Lives at <c>/user/nick-book</c> on every host.
/// </summary>
internal sealed class NickBook : ReceiveActor
{
    public const string Name = "nick-book";

    private readonly HashSet<string> _held = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IActorRef> _waiting = new(StringComparer.OrdinalIgnoreCase);

    public NickBook(IActorRef authority, string host)
    {
        Receive<NickClaims.Claim>(claim =>
        {
            _waiting[claim.Nick] = Sender;
            authority.Tell(new NickClaims.Claim(claim.Nick, host), Self);
        });
        Receive<NickClaims.Granted>(granted =>
        {
            _held.Add(granted.Nick);
            Answer(granted.Nick, granted);
        });
        Receive<NickClaims.Taken>(taken => Answer(taken.Nick, taken));
        Receive<NickClaims.ReportNicks>(_ => Sender.Tell(new NickClaims.NicksHeld(host, _held.ToArray())));
    }

    public static Props CreateProps(IActorRef authority, string host) => Props.Create(() => new NickBook(authority, host));

    private void Answer(string nick, object answer)
    {
        if (_waiting.Remove(nick, out var member))
        {
            member.Tell(answer);
        }
    }
}
