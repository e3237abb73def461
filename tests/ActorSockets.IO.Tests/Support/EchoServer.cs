using Akka.Actor;
using Akka.IO;

namespace ActorSockets.IO.Tests.Support;

/// <summary>A bind handler that gives every connection its own <see cref="EchoHandler"/>.</summary>
internal sealed class EchoServer : ReceiveActor
{
    public EchoServer()
    {
        Receive<Tcp.Connected>(_ =>
        {
            IActorRef connection = Sender;
            IActorRef handler = Context.ActorOf(Props.Create(() => new EchoHandler(connection)));
            connection.Tell(new Tcp.Register(handler), Self);
        });
        Receive<Tcp.Bound>(_ => { });
    }
}

/// <summary>Writes every <see cref="Tcp.Received"/> back to its connection; stops when the connection closes.</summary>
internal sealed class EchoHandler : ReceiveActor
{
    public EchoHandler(IActorRef connection)
    {
        Receive<Tcp.Received>(received => connection.Tell(Tcp.Write.Create(received.Data), Self));
        Receive<Tcp.CommandFailed>(_ => connection.Tell(Tcp.Abort.Instance, Self));
        Receive<Tcp.ConnectionClosed>(_ => Context.Stop(Self));
    }
}
