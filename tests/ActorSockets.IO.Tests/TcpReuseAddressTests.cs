using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

/// <summary>
/// reuse-address must mean SO_REUSEADDR only. On Linux, .NET's ReuseAddress option also sets
/// SO_REUSEPORT, which would let a second listener (a second host started by mistake) share the
/// port silently and split the connections between them instead of failing with "address in use".
/// </summary>
public abstract class TcpReuseAddressTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager)
{
    [Fact]
    public async Task Bind_PortHeldByAnotherReusingListener_RepliesCommandFailedWithAddressInUse()
    {
        var (_, address) = await BindAsync(CreateTestProbe());
        TestProbe commander = CreateTestProbe();
        var second = new Tcp.Bind(CreateTestProbe().Ref, address);

        TcpManager.Tell(second, commander.Ref);

        Tcp.CommandFailed failed = await commander.ExpectMsgAsync<Tcp.CommandFailed>();
        SocketException cause = Assert.IsType<SocketException>(failed.Cause.Value);
        Assert.Equal(SocketError.AddressAlreadyInUse, cause.SocketErrorCode);
    }

    [SocketsOnlyFact("Akka.IO's listener does not set SO_REUSEADDR unless the bind carries Inet.SO.ReuseAddress")]
    public async Task Bind_ReuseAddressOnByDefault_TheListeningSocketHasSoReuseAddrButNotSoReusePort()
    {
        var probe = new ReuseProbe();

        await BindAsync(CreateTestProbe(), options: [probe]);

        Assert.Equal(true, probe.ReuseAddress);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(false, probe.ReusePort);
        }
    }

    [Fact]
    public async Task Bind_ReuseAddressOptionOff_TheListeningSocketHasNoSoReuseAddr()
    {
        var probe = new ReuseProbe();

        await BindAsync(CreateTestProbe(), options: [new Inet.SO.ReuseAddress(false), probe]);

        Assert.Equal(false, probe.ReuseAddress);
    }

    /// <summary>
    /// Reads SO_REUSEADDR (and on Linux SO_REUSEPORT) back from the listening socket with getsockopt, after the
    /// settings and the options before it were applied and just before it is bound.
    /// </summary>
    private sealed class ReuseProbe : Inet.SocketOption
    {
        private const int SolSocket = 1;
        private const int SoReuseAddr = 2;
        private const int SoReusePort = 15;

        public bool? ReuseAddress { get; private set; }

        public bool? ReusePort { get; private set; }

        public override void BeforeServerSocketBind(Socket socket)
        {
            if (OperatingSystem.IsLinux())
            {
                ReuseAddress = Raw(socket, SoReuseAddr);
                ReusePort = Raw(socket, SoReusePort);
            }
            else
            {
                ReuseAddress = socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress) is int and not 0;
            }
        }

        private static bool Raw(Socket socket, int name)
        {
            byte[] value = new byte[sizeof(int)];
            socket.GetRawSocketOption(SolSocket, name, value);
            return BitConverter.ToInt32(value) != 0;
        }
    }
}

/// <summary>Runs <see cref="TcpReuseAddressTests"/> against Akka's own manager.</summary>
public sealed class TcpReuseAddressTestsOnAkka(ITestOutputHelper output) : TcpReuseAddressTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpReuseAddressTests"/> against ActorSockets' manager.</summary>
public sealed class TcpReuseAddressTestsOnSockets(ITestOutputHelper output) : TcpReuseAddressTests(output, IoManager.Sockets);
