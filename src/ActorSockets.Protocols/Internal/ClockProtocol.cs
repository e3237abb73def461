using ActorSockets.Protocols.Clock;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>The <c>clock</c> endpoint: key <c>prefix</c>.</summary>
internal sealed class ClockProtocol : TcpEndpointProtocol
{
    private readonly ClockCodec _codec;

    private ClockProtocol(EndpointSettings settings)
        : base(settings)
    {
        _codec = new ClockCodec(prefix: EndpointSettings.ReadString(settings.Name, settings.Config, "prefix"));
    }

    public static EndpointProtocol Create(EndpointSettings settings) => new ClockProtocol(settings);

    public override Props SessionProps(IActorRef connection, Tcp.Connected connected, IActorRef? service) =>
        ClockSession.CreateProps(connection, _codec, Timeouts);
}
