using ActorSockets.Actors;
using ActorSockets.IO;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>
/// One actor per connection: writes every <see cref="Tcp.Received"/> straight back as a <see cref="Tcp.Write"/>
/// without acknowledgement, and stops when the connection closes. A refused write (the connection's bounded
/// write queue is full: the client sends faster than it reads) aborts the connection rather than dropping bytes.
/// </summary>
internal sealed class EchoConnection(IActorRef connection) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tcp.Received received:
                connection.Tell(new Tcp.Write(received.Data), Self);
                break;
            case Tcp.CommandFailed:
                connection.Tell(Tcp.Abort.Instance, Self);
                break;
            case Tcp.ConnectionClosed:
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
