using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The TCP manager under <c>/system</c> (<c>system.Tcp()</c>): a <see cref="Tcp.Bind"/> becomes a
/// <see cref="TcpListener"/> child and a <see cref="Tcp.Connect"/> a <see cref="TcpOutgoingConnection"/>
/// child; each answers the command's sender itself. A child that throws is stopped, never restarted: a
/// restart could not bring back its socket.
/// </summary>
internal sealed class TcpManager : ReceiveActor
{
    public TcpManager(TcpSettings settings)
    {
        ILoggingAdapter listenerLogger = Logging.GetLogger(Context.System, typeof(TcpListener));
        ILoggingAdapter connectionLogger = Logging.GetLogger(Context.System, typeof(TcpConnection));

        Receive<Tcp.Bind>(bind =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(ActorProps.Of(() => new TcpListener(settings, listenerLogger, connectionLogger, commander, bind)));
        });
        Receive<Tcp.Connect>(connect =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(ActorProps.Of(() => new TcpOutgoingConnection(settings, connectionLogger, commander, connect)).WithMailbox(LeanMailbox.Id));
        });
    }

    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;
}
