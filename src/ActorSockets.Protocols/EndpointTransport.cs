namespace ActorSockets.Protocols;

/// <summary>The transport an endpoint listens on.</summary>
public enum EndpointTransport
{
    /// <summary>A TCP listener (or a Unix domain stream socket) with one session actor per connection.</summary>
    Tcp = 0,

    /// <summary>A UDP socket answering each datagram.</summary>
    Udp,
}
