using Akka.Actor;

namespace ActorSockets.IO;

/// <summary>
/// The entry points of ActorSockets' transport, the counterparts of Akka's <c>system.Tcp()</c> and
/// <c>system.Udp()</c>: each returns the manager's <see cref="IActorRef"/>, which speaks Akka.IO's messages.
/// </summary>
public static class SocketsExtensions
{
    /// <summary>ActorSockets' TCP manager of <paramref name="system"/>.</summary>
    public static IActorRef SocketsTcp(this ActorSystem system) => SocketsTcpExt.Get(system).Manager;

    /// <summary>ActorSockets' UDP manager of <paramref name="system"/>.</summary>
    public static IActorRef SocketsUdp(this ActorSystem system) => SocketsUdpExt.Get(system).Manager;
}
