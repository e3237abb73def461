using System.Net;
using ActorSockets.Benchmarks.Echo;
using ActorSockets.Benchmarks.EchoActors.Internal;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>
/// A reference, not a transport: the least any Akka.IO-protocol server must spend, given one handler actor per
/// connection. The same <see cref="EchoListener"/> and <see cref="EchoConnection"/> actors as the akka and
/// actorsockets servers, with the thinnest possible layer beneath them (<see cref="FloorEchoServer"/>): a raw accept
/// loop, no connection actor, no mailbox of its own, no flow control, no close protocol. What it costs beyond raw is
/// what the handler actor alone costs (its creation and stop, a mailbox hop per message, the fresh
/// <c>ByteString</c> each <c>Tcp.Received</c> owns, its memory while idle), so a target it misses cannot be met by
/// any Akka.IO-compatible transport serving that handler.
/// </summary>
public sealed class ActorFloorEchoServerImpl : IEchoServerImpl
{
    /// <inheritdoc />
    public string Name => "actor-floor";

    /// <inheritdoc />
    public string Description => "the same listener and handler actors over the thinnest layer possible: raw sockets, no connection actor (a floor, not a transport)";

    /// <inheritdoc />
    public Task<IRunningEchoServer> StartAsync(EndPoint endPoint, CancellationToken cancellationToken) =>
        Task.FromResult<IRunningEchoServer>(FloorEchoServer.Start(endPoint, standInActor: false));
}
