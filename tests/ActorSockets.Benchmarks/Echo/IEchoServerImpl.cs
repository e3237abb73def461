using System.Net;

namespace ActorSockets.Benchmarks.Echo;

/// <summary>
/// One echo server implementation the benchmarks can compare. Implementations are found by reflection: any public,
/// non-abstract class in this assembly with a public parameterless constructor that implements this interface is
/// registered under its <see cref="Name"/>, so adding one is adding one file.
/// </summary>
public interface IEchoServerImpl
{
    /// <summary>Gets the name given to <c>--impl</c> (lower case, no spaces), such as <c>raw</c>.</summary>
    string Name { get; }

    /// <summary>Gets one line saying what the implementation is, shown in the comparison's header.</summary>
    string Description { get; }

    /// <summary>Gets whether echo-compare runs this implementation when <c>--impls</c> is not given. Defaults to true.</summary>
    bool IncludedByDefault => true;

    /// <summary>
    /// Starts serving on <paramref name="endPoint"/> (an <see cref="IPEndPoint"/>, port 0 meaning any free port, or a
    /// Unix domain socket endpoint): every byte received on a connection is written back on it, in order, until the
    /// peer closes.
    /// </summary>
    /// <returns>The running server, whose <see cref="IRunningEchoServer.LocalEndPoint"/> is the bound endpoint; disposing
    /// it stops accepting and closes every connection.</returns>
    Task<IRunningEchoServer> StartAsync(EndPoint endPoint, CancellationToken cancellationToken);
}
