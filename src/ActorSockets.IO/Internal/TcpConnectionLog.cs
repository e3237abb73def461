using System.Net;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>The log lines of TCP connections, as Akka message templates.</summary>
internal static class TcpConnectionLog
{
    public static void RegisterTimedOut(ILoggingAdapter log, EndPoint remote, TimeSpan timeout) =>
        log.Warning("Connection {Remote} was not registered within {Timeout}; closing it", remote, timeout);

    public static void ConnectionReset(ILoggingAdapter log, EndPoint remote, string cause)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Connection {Remote} was reset by the peer: {Cause}", remote, cause);
        }
    }

    public static void ConnectionAborted(ILoggingAdapter log, EndPoint remote, string cause)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Connection {Remote} operation aborted: {Cause}", remote, cause);
        }
    }

    public static void ConnectionFailed(ILoggingAdapter log, EndPoint remote, Exception error) =>
        log.Error(error, "Connection {Remote} failed unexpectedly", remote);

    public static void HandlerStopped(ILoggingAdapter log, EndPoint remote)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Handler of connection {Remote} stopped; closing the connection", remote);
        }
    }

    public static void ConnectFailed(ILoggingAdapter log, EndPoint remote, string cause)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Connect to {Remote} failed: {Cause}", remote, cause);
        }
    }

    public static void OptionsFailed(ILoggingAdapter log, EndPoint remote, Exception error) =>
        log.Error(error, "Could not apply socket options to connection {Remote}", remote);

    public static void CloseTimedOut(
        ILoggingAdapter log, EndPoint remote, TimeSpan timeout, string waitedFor, long unsentBytes) =>
        log.Info(
            "Close of connection {Remote} timed out after {Timeout} waiting for {WaitedFor}, with up to {UnsentBytes} bytes unsent; resetting it",
            remote, timeout, waitedFor, unsentBytes);
}
