using ActorSockets.Actors;
using ActorSockets.IO;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>The bind handler of the actor echo server: every accepted connection gets its own <see cref="EchoConnection"/>.</summary>
internal sealed class EchoListener : ReceiveActor
{
    public EchoListener()
    {
        Receive<Tcp.Connected>(_ =>
        {
            IActorRef connection = Sender;
            IActorRef handler = Context.ActorOf(Props.FromProducer(() => new EchoConnection(connection)));
            connection.Tell(new Tcp.Register(handler), Self);
        });
    }
}
