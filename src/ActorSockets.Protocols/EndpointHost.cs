using ActorSockets.Protocols.Internal;
using ActorSockets.Protocols.Text;
using Akka.Actor;

namespace ActorSockets.Protocols;

/// <summary>
/// Starts the endpoints of an actor system and ties them to its coordinated shutdown. This is what the host
/// calls: <see cref="StartAsync"/> once at startup, <see cref="SayToLobby"/> for each console line.
/// </summary>
/// <remarks>
/// On the first start in a system, three coordinated-shutdown tasks are registered: in
/// <c>service-unbind</c> every endpoint stops listening; in <c>service-requests-done</c> every session is told
/// the server is shutting down (chat members read a notice and the room a leave notice with the reason
/// "server shutdown"), flushes what it wrote and closes, and the task waits for all sessions to stop within
/// the phase's timeout; in <c>service-stop</c> the endpoint actors stop.
/// </remarks>
public static class EndpointHost
{
    /// <summary>
    /// Binds every endpoint, each through the TCP/UDP manager its <c>io-manager</c> names of <paramref name="endpoints"/>. Either all of them start, or none stays started:
    /// if one fails, those already started are stopped and <see cref="EndpointStartException"/> names the first
    /// endpoint that failed, in the order given, and why.
    /// </summary>
    /// <param name="system">The actor system to run the endpoints in.</param>
    /// <param name="endpoints">The endpoints, as read by <see cref="EndpointSettings.FromConfig"/>.</param>
    /// <param name="timeout">How long binding may take.</param>
    /// <returns>The started endpoints, in the order given, with their real addresses.</returns>
    /// <exception cref="EndpointStartException">An endpoint could not be started.</exception>
    public static async Task<IReadOnlyList<EndpointBinding>> StartAsync(ActorSystem system, IReadOnlyList<EndpointSettings> endpoints, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(endpoints);
        var state = EndpointHostState.Get(system);
        var actors = new List<IActorRef>(endpoints.Count);
        try
        {
            foreach (var endpoint in endpoints)
            {
                actors.Add(CreateEndpointActor(system, endpoint));
            }
        }
        catch (EndpointConfigException e)
        {
            await StopAll(actors, timeout).ConfigureAwait(false);
            var failed = endpoints[actors.Count];
            throw new EndpointStartException(failed.Name, failed.DescribeAddress(), e.Message, e);
        }
        catch (EndpointStartException)
        {
            // The endpoint's io-manager cannot serve it (see IoManagers): nothing of it was started.
            await StopAll(actors, timeout).ConfigureAwait(false);
            throw;
        }

        var starts = actors.Select(a => a.Ask<EndpointStarted>(StartEndpoint.Instance, timeout)).ToArray();
        try
        {
            await Task.WhenAll(starts).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every failure is examined below, per endpoint, in order.
        catch (Exception)
#pragma warning restore CA1031
        {
            var index = Array.FindIndex(starts, t => !t.IsCompletedSuccessfully);
            var failed = endpoints[index];
            var cause = starts[index].Exception?.GetBaseException();
            await StopAll(actors, timeout).ConfigureAwait(false);
            throw cause as EndpointStartException
                ?? new EndpointStartException(failed.Name, failed.DescribeAddress(), EndpointErrors.Describe(cause), cause);
        }

        var bindings = new List<EndpointBinding>(endpoints.Count);
        for (var i = 0; i < endpoints.Count; i++)
        {
            var started = await starts[i].ConfigureAwait(false);
            bindings.Add(new EndpointBinding(endpoints[i], started.LocalAddress, actors[i]));
        }

        state.Add(bindings);
        return bindings;
    }

    /// <summary>
    /// Says <paramref name="text"/> (control characters and escape sequences removed) to the default room
    /// (<c>lobby</c>) of every chat endpoint of <paramref name="system"/>, as <c>[server] text</c>.
    /// </summary>
    public static void SayToLobby(ActorSystem system, string text)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(text);
        var clean = TextSanitizer.Sanitize(text);
        if (string.IsNullOrWhiteSpace(clean))
        {
            return;
        }

        foreach (var binding in EndpointHostState.Get(system).Bindings)
        {
            if (string.Equals(binding.Settings.Protocol, "chat", StringComparison.Ordinal))
            {
                binding.Listener.Tell(new SayToLobby(clean), ActorRefs.NoSender);
            }
        }
    }

    private static IActorRef CreateEndpointActor(ActorSystem system, EndpointSettings endpoint)
    {
        var props = endpoint.Transport == EndpointTransport.Tcp
            ? EndpointListener.CreateProps(endpoint, IoManagers.Tcp(system, endpoint))
            : UdpEndpoint.CreateProps(endpoint, IoManagers.Udp(system, endpoint));
        try
        {
            return system.ActorOf(props, "endpoint-" + endpoint.Name);
        }
        catch (InvalidActorNameException)
        {
            // A name that is not a valid actor name, or one already taken by an earlier start in this system.
            return system.ActorOf(props);
        }
    }

    private static async Task StopAll(IEnumerable<IActorRef> actors, TimeSpan timeout)
    {
        var stops = actors.Select(a => StopQuietly(a, timeout)).ToArray();
        await Task.WhenAll(stops).ConfigureAwait(false);
    }

    internal static async Task StopQuietly(IActorRef actor, TimeSpan timeout)
    {
        try
        {
            await actor.GracefulStop(timeout, StopEndpoint.Instance).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A stop that fails or times out leaves nothing more to do; the start error is what matters.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
