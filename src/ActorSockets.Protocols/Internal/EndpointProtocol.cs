using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>An endpoint's protocol, built once per endpoint from its settings (codecs, texts, limits).</summary>
internal abstract class EndpointProtocol
{
    protected EndpointProtocol(EndpointSettings settings)
    {
        Settings = settings;
    }

    public EndpointSettings Settings { get; }
}

/// <summary>A TCP protocol: a session actor per connection, and optionally one service actor per endpoint that the sessions share.</summary>
internal abstract class TcpEndpointProtocol(EndpointSettings settings) : EndpointProtocol(settings)
{
    /// <summary>The props of the endpoint's shared service (the chat's room registry), or null when it has none.</summary>
    public virtual Props? ServiceProps => null;

    /// <summary>The props of the session for one accepted connection.</summary>
    /// <param name="connection">The connection actor.</param>
    /// <param name="connected">The connection's addresses.</param>
    /// <param name="service">The endpoint's service actor, when <see cref="ServiceProps"/> is not null.</param>
    public abstract Props SessionProps(IActorRef connection, Tcp.Connected connected, IActorRef? service);

    protected SessionTimeouts Timeouts => SessionTimeouts.For(Settings);
}

/// <summary>A UDP protocol: an answer per datagram.</summary>
internal abstract class UdpEndpointProtocol(EndpointSettings settings) : EndpointProtocol(settings)
{
    /// <summary>The datagram to send back for <paramref name="datagram"/>. Never throws on peer input.</summary>
    public abstract ByteString Answer(ByteString datagram);
}
