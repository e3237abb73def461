using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>Turns the causes of failed binds into the few words an operator reads: "address already in use".</summary>
internal static class EndpointErrors
{
    /// <summary>The cause Akka's TCP manager attached to a failed command, if any.</summary>
    public static Exception? CauseOf(Tcp.CommandFailed failed) => failed.Cause.HasValue ? failed.Cause.Value : null;

    /// <summary>Why a TCP command (a bind) failed.</summary>
    public static string Describe(Tcp.CommandFailed failed) => Describe(CauseOf(failed));

    /// <summary>
    /// Why a UDP command failed. Akka's UDP manager reports no cause, so for a bind the address is tried once more
    /// here with a plain socket, closed at once, to name the reason ("address already in use").
    /// </summary>
    public static string Describe(Udp.CommandFailed failed) => failed.Cmd switch
    {
        Udp.Bind bind => DescribeUdpBind(bind.LocalAddress),
        _ => "the send failed",
    };

    private static string DescribeUdpBind(EndPoint address)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(address);
        }
        catch (SocketException e)
        {
            return Describe(e);
        }

        return "the bind was refused";
    }

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
