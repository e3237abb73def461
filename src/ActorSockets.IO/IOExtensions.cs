using ActorSockets.Actors;

namespace ActorSockets.IO;

/// <summary><c>system.Tcp()</c> and <c>system.Udp()</c>: the IO managers of an actor system.</summary>
public static class IOExtensions
{
    /// <summary>The TCP manager (<c>/system/IO-TCP</c>), created on first use.</summary>
    public static IActorRef Tcp(this ActorSystem system) => TcpExt.Get(system).Manager;

    /// <summary>The UDP manager (<c>/system/IO-UDP</c>), created on first use.</summary>
    public static IActorRef Udp(this ActorSystem system) => UdpExt.Get(system).Manager;
}
