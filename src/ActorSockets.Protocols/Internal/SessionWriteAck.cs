using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>The acknowledgement of a <see cref="TcpSession"/>'s queued writes; not input, so it does not reset the idle timeout.</summary>
internal sealed class SessionWriteAck : Tcp.Event, INotInfluenceReceiveTimeout
{
    private SessionWriteAck()
    {
    }

    public static SessionWriteAck Instance { get; } = new();
}
