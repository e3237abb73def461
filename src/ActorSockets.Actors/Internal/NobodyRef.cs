namespace ActorSockets.Actors.Internal;

/// <summary>A reference to no actor: drops what it is told, and a watch on it reports it terminated at once.</summary>
internal sealed class NobodyRef : InternalActorRef
{
    public static readonly NobodyRef Instance = new();

    private NobodyRef()
    {
    }

    public override ActorPath Path { get; } = ActorPath.CreateRoot("all-systems") / "Nobody";

    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message) => ReplyDeadToWatch(message);
}
