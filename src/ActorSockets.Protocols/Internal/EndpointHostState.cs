using Akka;
using Akka.Actor;

namespace ActorSockets.Protocols.Internal;

/// <summary>
/// The endpoints started in one actor system (an Akka extension, so there is one per system), and the
/// coordinated-shutdown tasks that unbind, drain and stop them, registered once when the state is created.
/// </summary>
internal sealed class EndpointHostState : IExtension
{
    private readonly object _gate = new();
    private readonly List<EndpointBinding> _bindings = [];

    internal EndpointHostState(ActorSystem system)
    {
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "unbind-endpoints", () =>
            AskAll<EndpointUnbound>(UnbindEndpoint.Instance, shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind)));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain-endpoints", () =>
            AskAll<EndpointDrained>(DrainEndpoint.Instance, shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone)));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "stop-endpoints", async () =>
        {
            var timeout = shutdown.Timeout(CoordinatedShutdown.PhaseServiceStop);
            await Task.WhenAll(Bindings.Select(b => EndpointHost.StopQuietly(b.Listener, timeout))).ConfigureAwait(false);
            return Done.Instance;
        });
    }

    public IReadOnlyList<EndpointBinding> Bindings
    {
        get
        {
            lock (_gate)
            {
                return [.. _bindings];
            }
        }
    }

    public static EndpointHostState Get(ActorSystem system) => system.WithExtension<EndpointHostState, EndpointHostStateId>();

    public void Add(IEnumerable<EndpointBinding> bindings)
    {
        lock (_gate)
        {
            _bindings.AddRange(bindings);
        }
    }

    private async Task<Done> AskAll<T>(object message, TimeSpan timeout)
    {
        var asks = Bindings.Select(async b =>
        {
            try
            {
                await b.Listener.Ask<T>(message, timeout).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                // The phase's own timeout reports what is late; an endpoint that is already gone has nothing to do.
            }
        });
        await Task.WhenAll(asks).ConfigureAwait(false);
        return Done.Instance;
    }
}

/// <summary>The extension id of <see cref="EndpointHostState"/>.</summary>
internal sealed class EndpointHostStateId : ExtensionIdProvider<EndpointHostState>
{
    public override EndpointHostState CreateExtension(ExtendedActorSystem system) => new(system);
}
