using System.Net.Sockets;

namespace ActorSockets.IO.Internal;

/// <summary>How a socket operation failed, which decides how loudly it is logged.</summary>
internal enum SocketFailureKind
{
    /// <summary>The peer reset or shut the connection: normal on the internet, logged at Debug.</summary>
    Reset,

    /// <summary>The operation was cancelled because this side closed the socket: expected, logged at Debug.</summary>
    Aborted,

    /// <summary>Anything else: a bug or an environment problem, logged at Error.</summary>
    Unexpected,
}

/// <summary>
/// Sorts socket failures the way Kestrel's socket transport does, so that callers can write
/// <c>catch (SocketException e) when (SocketErrors.IsReset(e.SocketErrorCode))</c>.
/// </summary>
internal static class SocketErrors
{
    /// <summary>The peer went away: RST, a shut-down socket, or (Windows only) an aborted connection.</summary>
    public static bool IsReset(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.Shutdown or SocketError.NetworkReset
        || (error == SocketError.ConnectionAborted && OperatingSystem.IsWindows());

    /// <summary>
    /// This side closed the socket while an operation was pending. On Unix a pending operation on a closed
    /// descriptor may also surface as <c>EINVAL</c> or <c>ECONNABORTED</c>.
    /// </summary>
    public static bool IsAborted(SocketError error) =>
        error is SocketError.OperationAborted or SocketError.Interrupted
        || (error is SocketError.InvalidArgument or SocketError.ConnectionAborted && !OperatingSystem.IsWindows());

    /// <summary>Classifies any exception thrown by a socket operation.</summary>
    public static SocketFailureKind Classify(Exception error) => error switch
    {
        SocketException e when IsReset(e.SocketErrorCode) => SocketFailureKind.Reset,
        SocketException e when IsAborted(e.SocketErrorCode) => SocketFailureKind.Aborted,
        ObjectDisposedException => SocketFailureKind.Aborted,
        OperationCanceledException => SocketFailureKind.Aborted,
        _ => SocketFailureKind.Unexpected,
    };

    /// <summary>
    /// Classifies a failed accept on a listening socket that is still open (the acceptor checks that first). There
    /// <c>ECONNABORTED</c> means a client that reset its connection after the handshake but before the accept: the
    /// peer went away, as with a reset, not this side closing anything.
    /// </summary>
    public static SocketFailureKind ClassifyAccept(Exception error) =>
        error is SocketException { SocketErrorCode: SocketError.ConnectionAborted } ? SocketFailureKind.Reset : Classify(error);

    /// <summary>A short, human-readable cause for close events and <c>CommandFailed</c>.</summary>
    public static string Describe(Exception error) => error switch
    {
        SocketException e => $"{e.SocketErrorCode}: {e.Message}",
        _ => error.Message,
    };
}
