using ActorSockets.Protocols.Welcome;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>The <c>welcome</c> endpoint: key <c>prefix</c>.</summary>
internal sealed class WelcomeProtocol : TcpEndpointProtocol
{
    private readonly WelcomeCodec _codec;

    private WelcomeProtocol(EndpointSettings settings)
        : base(settings)
    {
        _codec = new WelcomeCodec(EndpointSettings.ReadString(settings.Name, settings.Config, "prefix"));
    }

    public static EndpointProtocol Create(EndpointSettings settings) => new WelcomeProtocol(settings);

    public override Props SessionProps(IActorRef connection, Tcp.Connected connected, IActorRef? service) =>
        WelcomeSession.CreateProps(connection, _codec, Settings.MaxLineLength, Timeouts);
}
