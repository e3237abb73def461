using ActorSockets.Actors;
using ActorSockets.IO;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>The bind handler of the actor echo server: every accepted connection gets its own <see cref="EchoConnection"/>.</summary>
internal sealed class EchoListener : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is not Tcp.Connected)
        {
            Unhandled(message);
            return;
        }

        IActorRef handler = Context.ActorOf(EchoConnection.Props);
        Sender.Tell(new Tcp.Register(handler), Self);
    }
}
