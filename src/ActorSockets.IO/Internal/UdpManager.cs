using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The UDP manager under <c>/system</c> (<c>system.Udp()</c>): a <see cref="Udp.Bind"/> becomes a
/// <see cref="UdpListener"/> child, a <see cref="UdpBindPerPeer"/> a <see cref="UdpPeerRouter"/> child (which
/// binds a listener through this manager), and a <see cref="Udp.SimpleSender"/> a <see cref="UdpSender"/> child.
/// </summary>
internal sealed class UdpManager : ReceiveActor
{
    public UdpManager(UdpSettings settings)
    {
        ILoggingAdapter logger = Logging.GetLogger(Context.System, typeof(UdpListener));

        Receive<Udp.Bind>(bind =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(ActorProps.Of(() => new UdpListener(settings, logger, commander, bind)));
        });
        Receive<UdpBindPerPeer>(bind =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(ActorProps.Of(() => new UdpPeerRouter(settings, logger, commander, bind)));
        });
        Receive<Udp.SimpleSender>(command =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(ActorProps.Of(() => new UdpSender(settings, logger, commander, command)));
        });
    }

    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;
}
