using ActorSockets.Protocols.UdpTime;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>The <c>udp-time</c> endpoint: key <c>max-reply-size</c>.</summary>
internal sealed class UdpTimeProtocol : UdpEndpointProtocol
{
    private readonly UdpTimeCodec _codec;

    private UdpTimeProtocol(EndpointSettings settings)
        : base(settings)
    {
        _codec = new UdpTimeCodec(maxReplyBytes: EndpointSettings.ReadSize(settings.Name, settings.Config, "max-reply-size", 16, 65_000));
    }

    public static EndpointProtocol Create(EndpointSettings settings) => new UdpTimeProtocol(settings);

    public override ByteString Answer(ByteString datagram) => _codec.Reply(datagram);
}
