using System.Net;
using ActorSockets.Benchmarks.Echo;
using ActorSockets.Benchmarks.EchoActors.Internal;
using Akka.Actor;
using Akka.Configuration;
using Akka.IO;

namespace ActorSockets.Benchmarks.EchoActors;

/// <summary>
/// The actor echo server, written once against the Akka.IO protocol and run on whichever TCP manager a subclass
/// names: an <see cref="ActorSystem"/> whose listener actor binds through that manager and gives every accepted
/// connection its own handler actor, which echoes <see cref="Tcp.Received"/> as <see cref="Tcp.Write"/>. Only
/// <see cref="Manager"/> differs between the implementations, so the comparison measures the managers.
/// </summary>
public abstract class AkkaIoEchoServer : IEchoServerImpl
{
    private static readonly TimeSpan BindTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The backlog asked for; the raw servers listen with the same, so the connect storm compares accepting, not
    /// queue lengths (Akka's default of 100 refuses connections in a storm).
    /// </summary>
    private const int Backlog = 4096;

    /// <summary>
    /// Akka logs to stdout, where echo-compare reads the server's answers: only warnings and errors, and no
    /// dead-letter notices (a load's abrupt closes produce some, which say nothing about speed).
    /// </summary>
    internal static readonly Config Quiet = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """);

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public async Task<IRunningEchoServer> StartAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var system = ActorSystem.Create("echo", Quiet);
        try
        {
            var listener = system.ActorOf(EchoListener.Props, "echo");
            var reply = await Manager(system).Ask<object>(new Tcp.Bind(listener, endPoint, Backlog), BindTimeout, cancellationToken);
            return reply switch
            {
                Tcp.Bound bound => new Running(system, bound.LocalAddress),
                Tcp.CommandFailed failed => throw new InvalidOperationException($"bind to {endPoint} failed: {failed.CauseString}"),
                _ => throw new InvalidOperationException($"bind to {endPoint} answered {reply}"),
            };
        }
        catch
        {
            await system.Terminate();
            throw;
        }
    }

    /// <summary>Gets the TCP manager that binds the listener and owns every connection.</summary>
    protected abstract IActorRef Manager(ActorSystem system);

    /// <summary>Terminating the system stops the listener and every connection actor, which close their sockets.</summary>
    private sealed class Running(ActorSystem system, EndPoint localEndPoint) : IRunningEchoServer
    {
        public EndPoint LocalEndPoint { get; } = localEndPoint;

        public async ValueTask DisposeAsync() => await system.Terminate();
    }
}
