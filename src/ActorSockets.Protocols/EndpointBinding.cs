using System.Net;
using Akka.Actor;

namespace ActorSockets.Protocols;

/// <summary>A started endpoint: its settings, the address it really listens on (the real port when 0 was asked), and its listener actor.</summary>
/// <param name="Settings">The endpoint's settings.</param>
/// <param name="LocalAddress">The bound address.</param>
/// <param name="Listener">The endpoint's listener actor (TCP) or datagram actor (UDP).</param>
public sealed record EndpointBinding(EndpointSettings Settings, EndPoint LocalAddress, IActorRef Listener)
{
    /// <summary>Describes the bound address, such as <c>tcp 127.0.0.1:8001</c>.</summary>
    public string DescribeAddress() => Settings.Describe(LocalAddress);

    /// <summary>The manager the endpoint is bound through (the endpoint's <c>io-manager</c>).</summary>
    public EndpointIoManager IoManager => Settings.IoManager;

    /// <summary>The <c>io-manager</c> value, as the banner prints it after <c>io</c>: <c>akka</c> or <c>actorsockets</c>.</summary>
    public string IoManagerName => Settings.IoManagerName;
}
