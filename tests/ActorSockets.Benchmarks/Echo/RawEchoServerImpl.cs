using System.Net;
using ActorSockets.Benchmarks.Echo.Internal;

namespace ActorSockets.Benchmarks.Echo;

/// <summary>
/// The baseline: a plain <see cref="System.Net.Sockets.Socket"/> accept loop and one async receive/send loop per
/// connection, no actors. It waits for data with a zero-byte receive and only then rents a 64 KiB buffer from the
/// shared pool, so an idle connection holds no buffer (as Kestrel does).
/// </summary>
public sealed class RawEchoServerImpl : IEchoServerImpl
{
    /// <inheritdoc />
    public string Name => EchoServerRegistry.BaselineName;

    /// <inheritdoc />
    public string Description => "plain Socket accept loop + async receive/send loop per connection, pooled 64 KiB buffer after a zero-byte read";

    /// <inheritdoc />
    public Task<IRunningEchoServer> StartAsync(EndPoint endPoint, CancellationToken cancellationToken) =>
        Task.FromResult<IRunningEchoServer>(RawEchoServer.Start(endPoint, RawBuffering.Pooled));
}
