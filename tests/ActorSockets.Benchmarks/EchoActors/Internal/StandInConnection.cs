using Akka.Actor;

namespace ActorSockets.Benchmarks.EchoActors.Internal;

/// <summary>An actor that does nothing, on ActorSockets' lean connection mailbox: what a connection actor costs at least.</summary>
internal sealed class StandInConnection : UntypedActor
{
    /// <summary>Gets the props every stand-in is created from.</summary>
    public static Props Props { get; } = Props.Create<StandInConnection>().WithMailbox("actorsockets.io.connection-mailbox");

    protected override void OnReceive(object message) => Unhandled(message);
}
