using System.Net;
using ActorSockets.IO.Internal;
using Akka.Actor;
using Akka.Event;
using Xunit.Abstractions;

namespace ActorSockets.IO.Tests.Internal;

public class IncomingConnectionsTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void ConnectionStopped_BeforeDraining_CountsDownWithoutAskingToTell()
    {
        IncomingConnections incoming = Create();
        incoming.ConnectionStarted();
        incoming.ConnectionStarted();

        Assert.False(incoming.ConnectionStopped());
        Assert.Equal(1, incoming.Live);
    }

    [Fact]
    public void ConnectionStopped_WhileDraining_AsksToTellTheListener()
    {
        IncomingConnections incoming = Create();
        incoming.ConnectionStarted();
        incoming.BeginDraining();

        Assert.True(incoming.ConnectionStopped());
        Assert.Equal(0, incoming.Live);
    }

    private IncomingConnections Create() => new(
        new TcpSettings(),
        new RegisterTimeouts(TimeSpan.FromSeconds(5), ActorRefs.Nobody),
        ActorRefs.Nobody,
        Logging.GetLogger(Sys, typeof(IncomingConnectionsTests)),
        TestActor,
        new IPEndPoint(IPAddress.Loopback, 0),
        options: null,
        pullMode: false);
}
