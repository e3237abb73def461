using System.Net;
using Akka.Actor;
using ActorSockets.IO;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>
/// The one place that turns an endpoint's <c>io-manager</c> into the manager actor its listener binds through.
/// Everything past this point only holds the manager's <see cref="IActorRef"/> and never asks which one it is.
/// </summary>
/// <remarks>
/// Akka's own managers cannot do everything an endpoint may ask for: they cannot listen on a Unix domain socket,
/// and they bind <c>::</c> IPv6-only, so an IPv4 client is refused. Such an endpoint fails here, at startup, with one
/// line naming it and what to set instead, rather than binding something other than what was configured.
/// </remarks>
internal static class IoManagers
{
    /// <summary>The TCP manager for <paramref name="endpoint"/>.</summary>
    /// <exception cref="EndpointStartException">The chosen manager cannot serve the endpoint.</exception>
    public static IActorRef Tcp(ActorSystem system, EndpointSettings endpoint) =>
        Resolve(system, endpoint, static s => s.Tcp(), static s => s.SocketsTcp());

    /// <summary>The UDP manager for <paramref name="endpoint"/>.</summary>
    /// <exception cref="EndpointStartException">The chosen manager cannot serve the endpoint.</exception>
    public static IActorRef Udp(ActorSystem system, EndpointSettings endpoint) =>
        Resolve(system, endpoint, static s => s.Udp(), static s => s.SocketsUdp());

    private static IActorRef Resolve(
        ActorSystem system, EndpointSettings endpoint, Func<ActorSystem, IActorRef> akkaManager, Func<ActorSystem, IActorRef> ourManager)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(endpoint);
        switch (endpoint.IoManager)
        {
            case EndpointIoManager.Akka:
                CheckAkkaCanServe(endpoint);
                return akkaManager(system);
            default:
                return ourManager(system);
        }
    }

    /// <summary>
    /// The socket options an endpoint binds with. On the ActorSockets transport an endpoint on <c>"::"</c> asks for
    /// dual stack explicitly (<see cref="SocketsSO.DualStack"/>), so IPv4 clients are served too whatever the
    /// platform's IPV6_V6ONLY default is; everything else binds with none.
    /// </summary>
    public static IEnumerable<Inet.SocketOption> BindOptions(EndpointSettings endpoint) =>
        endpoint.IoManager == EndpointIoManager.ActorSockets && IsIPv6Any(endpoint)
            ? [new SocketsSO.DualStack(true)]
            : [];

    private static bool IsIPv6Any(EndpointSettings endpoint) =>
        endpoint.BindAddress is IPEndPoint { Address: var address } && address.Equals(IPAddress.IPv6Any);

    /// <summary>Throws when Akka's manager cannot bind the endpoint as configured.</summary>
    private static void CheckAkkaCanServe(EndpointSettings endpoint)
    {
        if (endpoint.Path is not null)
        {
            throw Fail(endpoint, "io-manager = akka cannot listen on a Unix domain socket path; set io-manager = actorsockets, or host and port instead of path");
        }

        if (IsIPv6Any(endpoint))
        {
            throw Fail(endpoint, "io-manager = akka binds host \"::\" IPv6-only, so IPv4 clients would be refused; set io-manager = actorsockets for dual stack, or host = \"0.0.0.0\" for IPv4");
        }
    }

    private static EndpointStartException Fail(EndpointSettings endpoint, string reason) =>
        new(endpoint.Name, endpoint.DescribeAddress(), reason);
}
