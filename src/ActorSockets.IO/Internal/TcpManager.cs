using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The TCP manager under <c>/system</c> (<c>system.SocketsTcp()</c>): a <see cref="Tcp.Bind"/> becomes a
/// <see cref="TcpListener"/> child and a <see cref="Tcp.Connect"/> a <see cref="TcpOutgoingConnection"/>
/// child; each answers the command's sender itself. A child that throws is stopped, never restarted: a
/// restart could not bring back its socket. The manager also sweeps the register timeouts of all its
/// connections (<see cref="RegisterTimeouts"/>) on one timer, which dies with it, and its
/// <see cref="HandlerWatcher"/> child watches their handlers.
/// </summary>
internal sealed class TcpManager : ReceiveActor, IWithTimers
{
    public TcpManager(TcpSettings settings)
    {
        ILoggingAdapter listenerLogger = Logging.GetLogger(Context.System, typeof(TcpListener));
        ILoggingAdapter connectionLogger = Logging.GetLogger(Context.System, typeof(TcpConnection));
        var registerTimeouts = new RegisterTimeouts(settings.RegisterTimeout, Self);
        IActorRef handlerWatcher = Context.ActorOf(ActorProps.Of(() => new HandlerWatcher()), "handler-watcher");

        Receive<Tcp.Bind>(bind =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(ActorProps.Of(() =>
                new TcpListener(settings, registerTimeouts, handlerWatcher, listenerLogger, connectionLogger, commander, bind)));
        });
        Receive<Tcp.Connect>(connect =>
        {
            IActorRef commander = Sender;
            Context.ActorOf(ActorProps.Of(() =>
                new TcpOutgoingConnection(settings, registerTimeouts, handlerWatcher, connectionLogger, commander, connect))
                .WithMailbox(LeanMailbox.Id));
        });
        Receive<RegisterTimeouts.Sweep>(_ =>
        {
            if (!registerTimeouts.SweepOverdue())
            {
                Timers.Cancel(RegisterTimeouts.Sweep.Instance);
            }
            else if (!Timers.IsTimerActive(RegisterTimeouts.Sweep.Instance))
            {
                Timers.StartPeriodicTimer(
                    RegisterTimeouts.Sweep.Instance, RegisterTimeouts.Sweep.Instance, registerTimeouts.SweepInterval);
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;
}
