using ActorSockets.IO;
using Akka.Actor;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>
/// The actor echo server on the ActorSockets transport (<c>system.SocketsTcp()</c>, <c>src/ActorSockets.IO</c>):
/// the same listener and handler actors as <see cref="AkkaEchoServerImpl"/>, so only the manager differs.
/// </summary>
public sealed class ActorSocketsEchoServerImpl : AkkaIoEchoServer
{
    /// <inheritdoc />
    public override string Name => "actorsockets";

    /// <inheritdoc />
    public override string Description => "ActorSockets.IO (system.SocketsTcp()): the same listener and handler actors on our transport";

    /// <inheritdoc />
    protected override IActorRef Manager(ActorSystem system) => system.SocketsTcp();
}
