using System.Net;

namespace ActorSockets.Benchmarks.Echo;

/// <summary>An echo server that is serving; disposing it stops accepting and closes every connection.</summary>
public interface IRunningEchoServer : IAsyncDisposable
{
    /// <summary>Gets the endpoint the server is bound to, with the real port when port 0 was asked for.</summary>
    EndPoint LocalEndPoint { get; }
}
