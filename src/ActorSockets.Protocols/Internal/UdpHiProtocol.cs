using ActorSockets.Protocols.UdpHi;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>The <c>udp-hi</c> endpoint: key <c>reply</c>.</summary>
internal sealed class UdpHiProtocol : UdpEndpointProtocol
{
    private readonly UdpHiCodec _codec;

    private UdpHiProtocol(EndpointSettings settings)
        : base(settings)
    {
        _codec = new UdpHiCodec(EndpointSettings.ReadString(settings.Name, settings.Config, "reply"));
    }

    public static EndpointProtocol Create(EndpointSettings settings) => new UdpHiProtocol(settings);

    public override ByteString Answer(ByteString datagram) => _codec.Reply;
}
