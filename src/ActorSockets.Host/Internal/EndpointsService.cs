using ActorSockets.Protocols;
using Akka.Actor;
using Microsoft.Extensions.Hosting;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Binds every endpoint when the host starts, after Akka.Hosting's own hosted service has started the
/// actor system. The host counts as started (systemd's <c>READY=1</c>, <c>IHostApplicationLifetime.ApplicationStarted</c>)
/// only once this has returned, so only once every endpoint is bound and the banner is out. A failed
/// start throws <see cref="EndpointStartException"/> out of <c>IHost.StartAsync</c>, having stopped the
/// endpoints it had bound; <see cref="HostRunner"/> turns it into one line and exit code 2.
/// </summary>
/// <remarks>
/// Stopping needs nothing here: the endpoints unbind, tell their sessions and close in the coordinated
/// shutdown phases, which Akka.Hosting runs when the host stops.
/// </remarks>
internal sealed class EndpointsService(ActorSystem system, EndpointsService.Plan plan) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bindings = await EndpointHost.StartAsync(system, plan.Endpoints, plan.StartTimeout).ConfigureAwait(false);
        await plan.OnBound(bindings).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What to bind, how long it may take, and what to do once every endpoint is bound.</summary>
    public sealed record Plan(
        IReadOnlyList<EndpointSettings> Endpoints,
        TimeSpan StartTimeout,
        Func<IReadOnlyList<EndpointBinding>, Task> OnBound);
}
