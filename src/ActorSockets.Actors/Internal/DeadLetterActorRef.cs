namespace ActorSockets.Actors.Internal;

/// <summary>
/// Where undeliverable messages go: each is published on the event stream as a
/// <see cref="DeadLetter"/> (or <see cref="SuppressedDeadLetter"/> for <see cref="IDeadLetterSuppression"/>
/// messages), where the dead-letter listener logs it with a rate limit.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystemImpl system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message)
        {
            case DeadLetter deadLetter:
                Publish(deadLetter.Message, deadLetter.Sender, deadLetter.Recipient);
                break;
            default:
                Publish(message, sender, this);
                break;
        }
    }

    public void Publish(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is Identify identify)
        {
            sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
            return;
        }
        var stream = system.EventStream;
        if (!stream.HasSubscribers)
        {
            return;
        }
        stream.Publish(message is IDeadLetterSuppression
            ? new SuppressedDeadLetter(message, sender, recipient)
            : new DeadLetter(message, sender, recipient));
    }

    public override void SendSystemMessage(SystemMessage message) => ReplyDeadToWatch(message);
}
