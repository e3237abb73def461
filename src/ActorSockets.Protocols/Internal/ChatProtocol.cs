using ActorSockets.Protocols.Chat;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Internal;

/// <summary>The <c>chat</c> endpoint: one <see cref="ChatRegistry"/> as its service, a <see cref="ChatSession"/> per connection.</summary>
internal sealed class ChatProtocol : TcpEndpointProtocol
{
    private readonly ChatSettings _chat;

    private ChatProtocol(EndpointSettings settings)
        : base(settings)
    {
        _chat = ChatSettings.FromEndpoint(settings);
    }

    public static EndpointProtocol Create(EndpointSettings settings) => new ChatProtocol(settings);

    public override Props? ServiceProps => ChatRegistry.CreateProps(_chat);

    public override Props SessionProps(IActorRef connection, Tcp.Connected connected, IActorRef? service) =>
        ChatSession.CreateProps(connection, service ?? throw new InvalidOperationException("The chat endpoint has no registry."), _chat);
}
