using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using ActorSockets.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.IO.Tests;

/// <summary>
/// reuse-address must mean SO_REUSEADDR only. On Linux, .NET's ReuseAddress option also sets
/// SO_REUSEPORT, which would let a second listener (a second host started by mistake) share the
/// port silently and split the connections between them instead of failing with "address in use".
/// </summary>
public class TcpReuseAddressTests(ITestOutputHelper output) : IoTestKit(output)
{
    [Fact]
    public async Task Bind_PortHeldByAnotherReusingListener_RepliesCommandFailedWithAddressInUse()
    {
        var (_, address) = await BindAsync(CreateTestProbe());
        TestProbe commander = CreateTestProbe();
        var second = new Tcp.Bind(CreateTestProbe().Ref, address);

        Sys.Tcp().Tell(second, commander.Ref);

        Tcp.CommandFailed failed = await commander.ExpectMsgAsync<Tcp.CommandFailed>();
        SocketException cause = Assert.IsType<SocketException>(failed.Cause);
        Assert.Equal(SocketError.AddressAlreadyInUse, cause.SocketErrorCode);
    }
}
