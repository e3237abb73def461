using System.Net.Sockets;
using ActorSockets.Actors;

namespace ActorSockets.Protocols.Internal;

/// <summary>Turns the causes of failed binds into the few words an operator reads: "address already in use".</summary>
internal static class EndpointErrors
{
    public static string Describe(Exception? cause) => cause switch
    {
        null => "the bind was refused",
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => "address already in use",
        SocketException { SocketErrorCode: SocketError.AccessDenied } => "permission denied",
        SocketException { SocketErrorCode: SocketError.AddressNotAvailable } => "address not available on this machine",
        SocketException e => $"{e.SocketErrorCode}: {e.Message}",
        AskTimeoutException => "did not bind in time",
        EndpointStartException e => e.Reason,
        UnauthorizedAccessException => "permission denied",
        // The IO layer's own explanation of a socket failure (a stale Unix socket file) says more than its cause.
        IOException { InnerException: SocketException } e => e.Message,
        _ when cause.InnerException is { } inner && cause is not SocketException => Describe(inner),
        _ => cause.Message,
    };
}
