namespace ActorSockets.Protocols;

/// <summary>
/// Which TCP/UDP manager an endpoint's listener and sessions talk to, chosen per endpoint by <c>io-manager</c>.
/// Both speak the Akka.IO message protocol, so the protocol code is the same on either.
/// </summary>
public enum EndpointIoManager
{
    /// <summary>Akka.NET's own managers, <c>system.Tcp()</c> and <c>system.Udp()</c> (<c>io-manager = akka</c>).</summary>
    Akka = 0,

    /// <summary>
    /// The ActorSockets transport, <c>system.SocketsTcp()</c> and <c>system.SocketsUdp()</c>
    /// (<c>io-manager = actorsockets</c>): Unix sockets, dual stack, a bounded write queue.
    /// </summary>
    ActorSockets,
}
