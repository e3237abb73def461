using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// <c>Tell</c> without an explicit sender, and <c>Forward</c>. Inside an actor the implicit sender is
/// <c>Self</c>; outside, it is the ambient sender (the TestKit's test actor) or none.
/// </summary>
public static class ActorRefImplicitSenderExtensions
{
    /// <summary>Sends <paramref name="message"/> with the implicit sender.</summary>
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.ImplicitSender);
    }

    /// <summary>Sends <paramref name="message"/> keeping the current message's original sender. Only valid inside an actor.</summary>
    public static void Forward(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var cell = ActorCell.Current
            ?? throw new InvalidOperationException("Forward can only be used while an actor processes a message.");
        receiver.Tell(message, cell.CurrentSender);
    }
}
