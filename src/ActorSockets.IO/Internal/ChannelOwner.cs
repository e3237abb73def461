using ActorSockets.Actors;

namespace ActorSockets.IO.Internal;

/// <summary>
/// How a socket engine reaches its actor: a delegate that tells the actor a completion, with the actor
/// itself as sender. The engines see only this delegate, never the actor.
/// </summary>
internal static class ChannelOwner
{
    public static Action<object> TellTo(IActorRef self) => message => self.Tell(message, self);
}
