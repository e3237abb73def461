using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Benchmarks.EchoActors.Internal;

/// <summary>
/// One actor per connection: writes every <see cref="Tcp.Received"/> straight back to its sender (the connection
/// actor) as a <see cref="Tcp.Write"/> without acknowledgement, and stops when the connection closes. A refused
/// write (<see cref="Tcp.CommandFailed"/>: the connection will not take it) aborts the connection rather than
/// dropping bytes, so a miscounted echo shows up as an error in the load, never as silently lost data.
/// </summary>
/// <remarks>
/// It is the same code on every manager: it only ever talks to <c>Sender</c>, the connection actor of whichever
/// manager accepted the socket. Replying to <c>Sender</c>, as Akka.IO's echo examples do, also lets every handler
/// share one <see cref="Props"/>: no factory closure is created, or kept alive, per connection. An
/// <see cref="UntypedActor"/> with one switch keeps the handler's own cost small next to the transport's.
/// </remarks>
internal sealed class EchoConnection : UntypedActor
{
    /// <summary>Gets the props every handler is created from.</summary>
    public static Props Props { get; } = Props.Create<EchoConnection>();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tcp.Received received:
                Sender.Tell(Tcp.Write.Create(received.Data), Self);
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
