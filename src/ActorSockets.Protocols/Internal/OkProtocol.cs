using ActorSockets.Protocols.Ok;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>The <c>ok</c> endpoint: keys <c>reply</c> and <c>timeout-notice</c>.</summary>
internal sealed class OkProtocol : TcpEndpointProtocol
{
    private readonly OkCodec _codec;

    private OkProtocol(EndpointSettings settings)
        : base(settings)
    {
        _codec = new OkCodec(
            EndpointSettings.ReadString(settings.Name, settings.Config, "reply"),
            EndpointSettings.ReadString(settings.Name, settings.Config, "timeout-notice"));
    }

    public static EndpointProtocol Create(EndpointSettings settings) => new OkProtocol(settings);

    public override Props SessionProps(IActorRef connection, Tcp.Connected connected, IActorRef? service) =>
        OkSession.CreateProps(connection, _codec, Timeouts);
}
