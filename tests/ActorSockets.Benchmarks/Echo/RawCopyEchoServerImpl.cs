using System.Net;
using ActorSockets.Benchmarks.Echo.Internal;

namespace ActorSockets.Benchmarks.Echo;

/// <summary>
/// A raw server for reference, not the baseline: raw, plus a fresh copy of every message in an array of its own, as
/// an Akka.IO manager (Akka's and ours) gives each <c>Tcp.Received</c> its own <c>ByteString</c>. It measures what
/// that copy (allocation, garbage collection, memory traffic) costs without any actor, so a gap between raw and an
/// actor server can be split into the copy and the rest.
/// </summary>
public sealed class RawCopyEchoServerImpl : IEchoServerImpl
{
    /// <inheritdoc />
    public string Name => "raw-copy";

    /// <inheritdoc />
    public string Description => "like raw, but sends a fresh copy of each message (the copy an Akka.IO manager makes for Tcp.Received)";

    /// <inheritdoc />
    public Task<IRunningEchoServer> StartAsync(EndPoint endPoint, CancellationToken cancellationToken) =>
        Task.FromResult<IRunningEchoServer>(RawEchoServer.Start(endPoint, RawBuffering.PooledWithCopy));
}
