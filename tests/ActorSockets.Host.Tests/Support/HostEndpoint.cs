using System.Net;

namespace ActorSockets.Host.Tests.Support;

/// <summary>One endpoint line of the host's banner.</summary>
public sealed record HostEndpoint(string Name, string Transport, string Address, string Protocol)
{
    public IPEndPoint EndPoint => IPEndPoint.Parse(Address);
}
