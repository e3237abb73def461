using ActorSockets.Protocols.Greeting;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>The <c>greeting</c> endpoint: keys <c>prefix</c>, <c>suffix</c> and <c>plain-text-after</c>.</summary>
internal sealed class GreetingProtocol : TcpEndpointProtocol
{
    private readonly GreetingCodec _codec;
    private readonly TimeSpan? _plainTextAfter;

    private GreetingProtocol(EndpointSettings settings)
        : base(settings)
    {
        var prefix = EndpointSettings.ReadString(settings.Name, settings.Config, "prefix");
        var suffix = EndpointSettings.ReadString(settings.Name, settings.Config, "suffix");
        try
        {
            _codec = new GreetingCodec(prefix, suffix);
        }
        catch (ArgumentException e)
        {
            throw new EndpointConfigException(settings.Name, "prefix", "prefix and suffix are too long for one writeUTF frame", e);
        }

        _plainTextAfter = EndpointSettings.ReadOptionalDuration(settings.Name, settings.Config, "plain-text-after");
    }

    public static EndpointProtocol Create(EndpointSettings settings) => new GreetingProtocol(settings);

    public override Props SessionProps(IActorRef connection, Tcp.Connected connected, IActorRef? service) =>
        GreetingSession.CreateProps(connection, _codec, connected.LocalAddress, _plainTextAfter, Timeouts);
}
