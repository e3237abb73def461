using Akka.IO;

namespace ActorSockets.IO.Tests.Support;

/// <summary>Which TCP/UDP manager a conformance test runs against.</summary>
public enum IoManager
{
    /// <summary>Akka's own Akka.IO managers, <c>system.Tcp()</c> and <c>system.Udp()</c>.</summary>
    Akka,

    /// <summary>ActorSockets' managers, <c>system.SocketsTcp()</c> and <c>system.SocketsUdp()</c>.</summary>
    Sockets,
}
