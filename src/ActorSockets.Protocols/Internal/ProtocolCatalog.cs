using ActorSockets.Protocols.Chat;
using ActorSockets.Protocols.Clock;
using ActorSockets.Protocols.Greeting;
using ActorSockets.Protocols.Hi;
using ActorSockets.Protocols.Ok;
using ActorSockets.Protocols.UdpHi;
using ActorSockets.Protocols.UdpTime;
using ActorSockets.Protocols.Welcome;

namespace ActorSockets.Protocols.Internal;

/// <summary>
/// The protocols an endpoint can speak, by name. Each entry knows its transport and how to build the
/// endpoint's protocol (codecs and session props) from the endpoint's settings; building it is also how a
/// config is validated, so every protocol key is read, and checked, once at startup.
/// </summary>
internal static class ProtocolCatalog
{
    private static readonly ProtocolEntry[] Entries =
    [
        new("ok", EndpointTransport.Tcp, OkProtocol.Create),
        new("welcome", EndpointTransport.Tcp, WelcomeProtocol.Create),
        new("greeting", EndpointTransport.Tcp, GreetingProtocol.Create),
        new("clock", EndpointTransport.Tcp, ClockProtocol.Create),
        new("hi", EndpointTransport.Tcp, HiProtocol.Create),
        new("udp-hi", EndpointTransport.Udp, UdpHiProtocol.Create),
        new("udp-time", EndpointTransport.Udp, UdpTimeProtocol.Create),
        new("chat", EndpointTransport.Tcp, ChatProtocol.Create),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    public static ProtocolEntry? Find(string name) =>
        Array.Find(Entries, e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    public static EndpointProtocol Create(EndpointSettings settings) =>
        (Find(settings.Protocol) ?? throw new EndpointConfigException(settings.Name, "protocol", $"unknown protocol '{settings.Protocol}'"))
        .Create(settings);
}

/// <summary>One protocol of the catalog.</summary>
internal sealed record ProtocolEntry(string Name, EndpointTransport Transport, Func<EndpointSettings, EndpointProtocol> Create)
{
    public void Validate(EndpointSettings settings) => _ = Create(settings);
}
