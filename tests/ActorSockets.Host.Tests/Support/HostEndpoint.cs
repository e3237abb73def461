using System.Net;

namespace ActorSockets.Host.Tests.Support;

/// <summary>One endpoint line of the host's banner; <paramref name="IoManager"/> is the TCP/UDP manager it talks to (<c>akka</c>, <c>actorsockets</c>).</summary>
public sealed record HostEndpoint(string Name, string Transport, string Address, string Protocol, string IoManager)
{
    public IPEndPoint EndPoint => IPEndPoint.Parse(Address);
}
