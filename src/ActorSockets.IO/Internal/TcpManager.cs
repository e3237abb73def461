using ActorSockets.Actors;
using Microsoft.Extensions.Logging;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The TCP manager under <c>/system</c> (<c>system.Tcp()</c>): a <see cref="Tcp.Bind"/> becomes a
/// <see cref="TcpListener"/> child and a <see cref="Tcp.Connect"/> a <see cref="TcpOutgoingConnection"/>
/// child; each answers the command's sender itself. A child that throws is stopped, never restarted: a
/// restart could not bring back its socket.
/// </summary>
internal sealed class TcpManager : ReceiveActor
{
    public TcpManager(TcpSettings settings, ILoggerFactory loggerFactory)
    {
        ILogger listenerLogger = loggerFactory.CreateLogger<TcpListener>();
        ILogger connectionLogger = loggerFactory.CreateLogger<TcpConnection>();

        Receive<Tcp.Bind>(bind =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(Props.FromProducer(() => new TcpListener(settings, listenerLogger, connectionLogger, commander, bind)));
        });
        Receive<Tcp.Connect>(connect =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(Props.FromProducer(() => new TcpOutgoingConnection(settings, connectionLogger, commander, connect)).WithRunsInlineWhenIdle());
        });
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;
}
