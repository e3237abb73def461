using ActorSockets.Actors;
using ActorSockets.IO;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>
/// One actor per connection: writes every <see cref="Tcp.Received"/> straight back as a <see cref="Tcp.Write"/>
/// without acknowledgement, and stops when the connection closes. A refused write (the connection's bounded
/// write queue is full: the client sends faster than it reads) aborts the connection rather than dropping bytes.
/// </summary>
internal sealed class EchoConnection : ReceiveActor
{
    public EchoConnection(IActorRef connection)
    {
        Receive<Tcp.Received>(received => connection.Tell(new Tcp.Write(received.Data), Self));
        Receive<Tcp.CommandFailed>(_ => connection.Tell(Tcp.Abort.Instance, Self));
        Receive<Tcp.ConnectionClosed>(_ => Context.Stop(Self));
    }
}
