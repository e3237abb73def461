using System.Net;
using ActorSockets.Benchmarks.Echo;
using ActorSockets.Benchmarks.EchoActors.Internal;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>
/// <see cref="ActorFloorEchoServerImpl"/> plus one idle actor per connection, on ActorSockets' lean connection mailbox,
/// created at accept and stopped at close: the floor for a transport whose connections are Akka actors, as the
/// connection is in Akka.IO's protocol (the handler watches it; the listener supervises it). Runs only when named.
/// </summary>
public sealed class ActorFloorWithActorEchoServerImpl : IEchoServerImpl
{
    /// <inheritdoc />
    public string Name => "actor-floor+actor";

    /// <inheritdoc />
    public string Description => "actor-floor plus one idle actor per connection on the lean connection mailbox (the floor with a connection actor)";

    /// <inheritdoc />
    public bool IncludedByDefault => false;

    /// <inheritdoc />
    public Task<IRunningEchoServer> StartAsync(EndPoint endPoint, CancellationToken cancellationToken) =>
        Task.FromResult<IRunningEchoServer>(FloorEchoServer.Start(endPoint, standInActor: true));
}
