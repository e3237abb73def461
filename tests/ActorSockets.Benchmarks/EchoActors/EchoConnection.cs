using ActorSockets.Actors;
using ActorSockets.IO;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>
/// One actor per connection: writes every <see cref="Tcp.Received"/> straight back to its sender (the connection
/// actor) as a <see cref="Tcp.Write"/> without acknowledgement, and stops when the connection closes. A refused
/// write (the connection's bounded write queue is full: the client sends faster than it reads) aborts the
/// connection rather than dropping bytes.
/// </summary>
/// <remarks>
/// Replying to <c>Sender</c>, as Akka.IO's echo examples do, lets every handler share one <see cref="Props"/>:
/// no factory closure is created, or kept alive, per connection.
/// </remarks>
internal sealed class EchoConnection : UntypedActor
{
    /// <summary>The props every handler is created from.</summary>
    public static Props Props { get; } = Props.Create<EchoConnection>();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tcp.Received received:
                Sender.Tell(new Tcp.Write(received.Data), Self);
                break;
            case Tcp.CommandFailed:
                Sender.Tell(Tcp.Abort.Instance, Self);
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
