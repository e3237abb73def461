using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Benchmarks.EchoActors.Internal;

/// <summary>
/// The bind handler of the actor echo servers: every accepted connection (the <c>Sender</c> of
/// <see cref="Tcp.Connected"/>) gets its own <see cref="EchoConnection"/> child, registered as its handler.
/// </summary>
internal sealed class EchoListener : UntypedActor
{
    /// <summary>Gets the props of the one listener each server creates.</summary>
    public static Props Props { get; } = Props.Create<EchoListener>();

    protected override void OnReceive(object message)
    {
        if (message is not Tcp.Connected)
        {
            Unhandled(message);
            return;
        }

        var handler = Context.ActorOf(EchoConnection.Props);
        Sender.Tell(new Tcp.Register(handler), Self);
    }
}
