using Akka.Actor;
using Akka.Dispatch.SysMsg;
using Akka.IO;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The reference a connection's handler gets for its connection (the sender of <see cref="Tcp.Connected"/> and of
/// every <see cref="Tcp.Received"/>): it is the connection actor, with the same path and uid (so it equals the actor's
/// own reference, and <see cref="Terminated"/> for the actor matches it), except that a <see cref="Tcp.Write"/> told
/// to it is handed to the kernel in the caller's turn when the connection is idle, saving a mailbox hop and a
/// dispatcher wake-up per write (<see cref="TcpConnection.TryWriteInline"/>). Everything else, and any write that
/// cannot go at once, goes to the actor as before.
/// </summary>
internal sealed class ConnectionRef(IInternalActorRef actor, TcpConnection connection) : MinimalActorRef
{
    public override ActorPath Path => actor.Path;

    public override IActorRefProvider Provider => actor.Provider;

    public override IInternalActorRef Parent => actor.Parent;

    public override void Stop() => actor.Stop();

    public override void SendSystemMessage(ISystemMessage message)
    {
        switch (message)
        {
            // Watching this reference is watching the actor: the actor's death notice names the actor, which
            // equals this reference.
            case Watch watch:
                actor.SendSystemMessage(new Watch(actor, watch.Watcher));
                break;
            case Unwatch unwatch:
                actor.SendSystemMessage(new Unwatch(actor, unwatch.Watcher));
                break;
            default:
                actor.SendSystemMessage(message);
                break;
        }
    }

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (message is Tcp.Write write && connection.TryWriteInline(write, sender))
        {
            return;
        }

        actor.Tell(message, sender);
    }
}
