using ActorSockets.Protocols.Hi;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>The <c>hi</c> endpoint: key <c>reply</c>.</summary>
internal sealed class HiProtocol : TcpEndpointProtocol
{
    private readonly HiCodec _codec;

    private HiProtocol(EndpointSettings settings)
        : base(settings)
    {
        _codec = new HiCodec(EndpointSettings.ReadString(settings.Name, settings.Config, "reply"));
    }

    public static EndpointProtocol Create(EndpointSettings settings) => new HiProtocol(settings);

    public override Props SessionProps(IActorRef connection, Tcp.Connected connected, IActorRef? service) =>
        HiSession.CreateProps(connection, _codec, Timeouts);
}
