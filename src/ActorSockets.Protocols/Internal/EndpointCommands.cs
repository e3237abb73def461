using System.Net;
using Akka.Actor;
using Akka.Event;

namespace ActorSockets.Protocols.Internal;

/// <summary>From <see cref="EndpointHost"/>: bind; answered with <see cref="EndpointStarted"/> or a <c>Status.Failure</c>, after which the endpoint actor stops.</summary>
internal sealed record StartEndpoint
{
    public static StartEndpoint Instance { get; } = new();
}

/// <summary>The endpoint listens on <paramref name="LocalAddress"/>.</summary>
internal sealed record EndpointStarted(EndPoint LocalAddress);

/// <summary>Stop accepting (close the listening socket); answered with <see cref="EndpointUnbound"/>. Open sessions carry on.</summary>
internal sealed record UnbindEndpoint
{
    public static UnbindEndpoint Instance { get; } = new();
}

/// <summary>The listening socket is closed.</summary>
internal sealed record EndpointUnbound
{
    public static EndpointUnbound Instance { get; } = new();
}

/// <summary>Tell every session the server is shutting down; answered with <see cref="EndpointDrained"/> once all of them have stopped.</summary>
internal sealed record DrainEndpoint
{
    public static DrainEndpoint Instance { get; } = new();
}

/// <summary>Every session has stopped.</summary>
internal sealed record EndpointDrained
{
    public static EndpointDrained Instance { get; } = new();
}

/// <summary>A line from the host's console for the default room of a chat endpoint; other endpoints ignore it.</summary>
internal sealed record SayToLobby(string Text);

/// <summary>
/// Stop (the stop message of <see cref="EndpointHost"/>'s graceful stops), handled in every state. Not a
/// <c>PoisonPill</c>: an endpoint that already stopped itself after a failed bind would turn that into a
/// dead-letter line on every failed start.
/// </summary>
internal sealed record StopEndpoint : IDeadLetterSuppression
{
    public static StopEndpoint Instance { get; } = new();
}
