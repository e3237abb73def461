using ActorSockets.Actors;
using Microsoft.Extensions.Logging;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The UDP manager under <c>/system</c> (<c>system.Udp()</c>): a <see cref="Udp.Bind"/> becomes a
/// <see cref="UdpListener"/> child, a <see cref="Udp.BindPerPeer"/> a <see cref="UdpPeerRouter"/> child (which
/// binds a listener through this manager), and a <see cref="Udp.SimpleSender"/> a <see cref="UdpSender"/> child.
/// </summary>
internal sealed class UdpManager : ReceiveActor
{
    public UdpManager(UdpSettings settings, ILoggerFactory loggerFactory)
    {
        ILogger logger = loggerFactory.CreateLogger<UdpListener>();

        Receive<Udp.Bind>(bind =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(Props.FromProducer(() => new UdpListener(settings, logger, commander, bind)));
        });
        Receive<Udp.BindPerPeer>(bind =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(Props.FromProducer(() => new UdpPeerRouter(settings, logger, commander, bind)));
        });
        Receive<Udp.SimpleSender>(command =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(Props.FromProducer(() => new UdpSender(settings, logger, commander, command)));
        });
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;
}
