using Xunit.Sdk;

namespace ActorSockets.IO.Tests.Support;

/// <summary>
/// A test of a conformance base class that runs against ActorSockets' manager only: in the <c>...OnAkka</c> subclass it
/// is not discovered at all. <see cref="Why"/> says where Akka.IO differs or what it lacks (the README's table of
/// differences lists the same).
/// </summary>
[XunitTestCaseDiscoverer("ActorSockets.IO.Tests.Support.SocketsOnlyFactDiscoverer", "ActorSockets.IO.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SocketsOnlyFactAttribute(string why) : FactAttribute
{
    /// <summary>Why Akka.IO's manager cannot pass this test.</summary>
    public string Why { get; } = why;
}
