using System.Net;
using ActorSockets.Actors;
using ActorSockets.Benchmarks.Echo;
using ActorSockets.IO;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>
/// The ActorSockets echo server: <c>system.Tcp()</c> binds a listener whose handler gives every connection its
/// own actor, which echoes <see cref="Tcp.Received"/> as <see cref="Tcp.Write"/>.
/// </summary>
public sealed class ActorEchoServerImpl : IEchoServerImpl
{
    private static readonly TimeSpan BindTimeout = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public string Name => "actors";

    /// <inheritdoc />
    public string Description => "ActorSockets.IO: Tcp listener actor + one connection actor and one handler actor per connection";

    /// <inheritdoc />
    public async Task<IRunningEchoServer> StartAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        ActorSystem system = ActorSystem.Create("echo");
        try
        {
            IActorRef listener = system.ActorOf(Props.Create<EchoListener>(), "echo");
            object reply = await system.Tcp().Ask<object>(new Tcp.Bind(listener, endPoint, Backlog: 4096), BindTimeout);
            if (reply is not Tcp.Bound bound)
            {
                throw new InvalidOperationException($"echo bind failed: {reply}");
            }

            return new Running(system, bound.LocalAddress);
        }
        catch
        {
            await system.Terminate();
            throw;
        }
    }

    private sealed class Running(ActorSystem system, EndPoint localEndPoint) : IRunningEchoServer
    {
        public EndPoint LocalEndPoint { get; } = localEndPoint;

        public async ValueTask DisposeAsync() => await system.Terminate();
    }
}
