using ActorSockets.Benchmarks.Echo;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>
/// The actor echo server on Akka.NET's own TCP manager (<c>system.Tcp()</c>, Akka.IO): the reference transport the
/// ActorSockets one is compared with.
/// </summary>
public sealed class AkkaEchoServerImpl : AkkaIoEchoServer
{
    /// <inheritdoc />
    public override string Name => EchoServerRegistry.AkkaName;

    /// <inheritdoc />
    public override string Description => "Akka.IO (system.Tcp()): listener actor + one handler actor per connection, Akka 1.5.75";

    /// <inheritdoc />
    protected override IActorRef Manager(ActorSystem system) => system.Tcp();
}
