using Akka.Actor;
using Akka.IO;

namespace ActorSockets.IO.Internal;

/// <summary>
/// How the listener-level engines (accept loop, UDP socket) reach their actor: a delegate that tells the
/// actor a completion, with the actor itself as sender. The engines see only this delegate, never the actor.
/// (<see cref="TcpChannel"/>, one per connection, takes the actor ref itself to save the delegate's memory.)
/// </summary>
internal static class ChannelOwner
{
    public static Action<object> TellTo(IActorRef self) => message => self.Tell(message, self);
}
