using System.Net;
using ActorSockets.Benchmarks.Echo.Internal;

namespace ActorSockets.Benchmarks.Echo;

/// <summary>
/// A second raw server for reference, not the baseline: each connection receives straight into its own 64 KiB
/// buffer. That saves the zero-byte receive per message (less CPU per round trip at moderate connection counts)
/// but every idle connection holds its buffer, so it is left out of echo-compare unless named in <c>--impls</c>.
/// </summary>
public sealed class RawDirectEchoServerImpl : IEchoServerImpl
{
    /// <inheritdoc />
    public string Name => "raw-direct";

    /// <inheritdoc />
    public string Description => "like raw, but each connection receives straight into its own 64 KiB buffer (no zero-byte read)";

    /// <inheritdoc />
    public bool IncludedByDefault => false;

    /// <inheritdoc />
    public Task<IRunningEchoServer> StartAsync(EndPoint endPoint, CancellationToken cancellationToken) =>
        Task.FromResult<IRunningEchoServer>(RawEchoServer.Start(endPoint, RawBuffering.PerConnection));
}
