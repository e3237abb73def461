using System.Net;
using Akka.Event;

namespace ActorSockets.Protocols.Internal;

/// <summary>The log lines of <see cref="EndpointListener"/> and <see cref="UdpEndpoint"/>, as named templates.</summary>
internal static class EndpointListenerLog
{
    public static void Listening(ILoggingAdapter log, string endpoint, string protocol, string address, string ioManager) =>
        log.Info("Endpoint {Endpoint} ({Protocol}) listening on {Address} (io {IoManager})", endpoint, protocol, address, ioManager);

    public static void BindFailed(ILoggingAdapter log, string endpoint, string address, string reason) =>
        log.Error("Endpoint {Endpoint} could not bind {Address}: {Reason}", endpoint, address, reason);

    public static void Accepted(ILoggingAdapter log, string endpoint, long count, EndPoint remote, string session, int open)
    {
        if (log.IsInfoEnabled)
        {
            log.Info("Endpoint {Endpoint}: connection #{Count} from {Remote} ({Session}, {Open} open)", endpoint, count, remote.ToString(), session, open);
        }
    }

    public static void Refused(ILoggingAdapter log, string endpoint, EndPoint remote, int open, int max) =>
        log.Warning("Endpoint {Endpoint}: refused {Remote}: {Open} connections open, the limit is {Max}", endpoint, remote.ToString(), open, max);

    public static void SessionEnded(ILoggingAdapter log, string endpoint, string session, int open)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Endpoint {Endpoint}: {Session} ended ({Open} open)", endpoint, session, open);
        }
    }

    public static void Unbound(ILoggingAdapter log, string endpoint, string address) =>
        log.Info("Endpoint {Endpoint}: unbound from {Address}", endpoint, address);

    public static void Refusing(ILoggingAdapter log, string endpoint, int open) =>
        log.Info("Endpoint {Endpoint}: refusing new connections; unbinding once its {Open} open sessions have ended", endpoint, open);

    public static void Draining(ILoggingAdapter log, string endpoint, int open) =>
        log.Info("Endpoint {Endpoint}: closing {Open} sessions for shutdown", endpoint, open);

    public static void DatagramNotAnswered(ILoggingAdapter log, string endpoint, EndPoint remote, string reason)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Endpoint {Endpoint}: datagram from {Remote} not answered: {Reason}", endpoint, remote.ToString(), reason);
        }
    }

    public static void ListenerLost(ILoggingAdapter log, string endpoint) =>
        log.Error("Endpoint {Endpoint}: the listening socket's actor stopped unexpectedly; no new connections are accepted", endpoint);
}
