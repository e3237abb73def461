using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorSockets.IO.Tests.Support;

/// <summary>Discovers a <see cref="SocketsOnlyFactAttribute"/> test as a plain fact, except in a class that runs on Akka's manager.</summary>
public sealed class SocketsOnlyFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _fact = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        testMethod.TestClass.Class.Name.EndsWith("OnAkka", StringComparison.Ordinal)
            ? []
            : _fact.Discover(discoveryOptions, testMethod, factAttribute);
}
