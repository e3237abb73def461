using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;
using Akka.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.IO.Tests.Support;

/// <summary>The tests that open real sockets run one at a time, so each can count the process's sockets.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketTests
{
    public const string Name = "sockets";
}

/// <summary>
/// Base class of the actor-level IO tests: a TestKit whose system has its TCP and UDP extensions configured
/// for the test (explicitly with settings, or through the system's config), plus helpers for binding and accepting. After every test (system terminated) it checks
/// that the process has exactly as many sockets open as before the test.
/// </summary>
[Collection(SocketTests.Name)]
public abstract class IoTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>Quiet logs, and Akka.IO's own TCP manager with read chunks as large as ours, for the conformance tests.</summary>
    private const string BaseConfig = """
        akka.loglevel = DEBUG
        akka.stdout-loglevel = WARNING
        """;

    private readonly int _socketsBefore;

    /// <summary>Runs against ActorSockets' managers with the given settings (defaults when null).</summary>
    protected IoTestKit(ITestOutputHelper output, TcpSettings? tcp = null, UdpSettings? udp = null)
        : this(output, IoManager.Sockets)
    {
        SocketsTcpExt.Configure(Sys, tcp ?? TcpSettings.Default);
        SocketsUdpExt.Configure(Sys, udp ?? UdpSettings.Default);
    }

    /// <summary>Runs against <paramref name="manager"/>, configured by <paramref name="hocon"/> (over the defaults).</summary>
    protected IoTestKit(ITestOutputHelper output, IoManager manager, string? hocon = null)
        : base(hocon is null ? BaseConfig : hocon + "\n" + BaseConfig, output: output)
    {
        Manager = manager;
        _socketsBefore = SocketHandles.Supported ? SocketHandles.Count() : 0;
    }

    /// <summary>The manager under test.</summary>
    protected IoManager Manager { get; }

    /// <summary>The TCP manager under test: Akka's <c>TcpManager</c> or ours, <c>Sys.SocketsTcp()</c>.</summary>
    protected IActorRef TcpManager => Manager == IoManager.Akka ? Sys.Tcp() : Sys.SocketsTcp();

    /// <summary>The UDP manager under test: Akka's <c>UdpManager</c> or ours, <c>Sys.SocketsUdp()</c>.</summary>
    protected IActorRef UdpManager => Manager == IoManager.Akka ? Sys.Udp() : Sys.SocketsUdp();

    protected static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    /// <summary>A plain UDP socket bound to 127.0.0.1 on a free port, playing a peer of the listener under test.</summary>
    protected static Socket NewUdpPeer() => LoopbackUdp.NewSocket();

    /// <summary>Binds through the manager and returns the listener and its real address.</summary>
    protected async Task<(IActorRef Listener, EndPoint Address)> BindAsync(
        TestProbe handler, EndPoint? endpoint = null, bool pullMode = false, IEnumerable<Inet.SocketOption>? options = null)
    {
        TestProbe commander = CreateTestProbe();
        TcpManager.Tell(new Tcp.Bind(handler.Ref, endpoint ?? AnyLoopbackPort, options: options, pullMode: pullMode), commander.Ref);
        Tcp.Bound bound = await commander.ExpectMsgAsync<Tcp.Bound>();
        return (commander.LastSender, bound.LocalAddress);
    }

    /// <summary>Connects a raw client and returns the connection actor announced to <paramref name="bindHandler"/>.</summary>
    protected static async Task<(IActorRef Connection, RawClient Client)> AcceptAsync(TestProbe bindHandler, EndPoint address)
    {
        RawClient client = await RawClient.ConnectAsync(address);
        await bindHandler.ExpectMsgAsync<Tcp.Connected>();
        return (bindHandler.LastSender, client);
    }

    /// <summary>Binds, connects one raw client and registers <paramref name="handler"/> for it.</summary>
    protected async Task<(IActorRef Connection, RawClient Client)> ConnectedPairAsync(
        TestProbe handler, bool keepOpenOnPeerClosed = false, bool useResumeWriting = true, bool pullMode = false)
    {
        TestProbe bindHandler = CreateTestProbe();
        var (listener, address) = await BindAsync(bindHandler, pullMode: pullMode);
        if (pullMode)
        {
            listener.Tell(new Tcp.ResumeAccepting(1), bindHandler.Ref);
        }

        var (connection, client) = await AcceptAsync(bindHandler, address);
        connection.Tell(new Tcp.Register(handler.Ref, keepOpenOnPeerClosed, useResumeWriting), handler.Ref);
        return (connection, client);
    }

    /// <summary>Collects <see cref="Tcp.Received"/> messages until <paramref name="count"/> bytes have arrived.</summary>
    protected static async Task<byte[]> ReceiveBytesAsync(TestProbe handler, int count)
    {
        var buffer = new MemoryStream(count);
        while (buffer.Length < count)
        {
            Tcp.Received received = await handler.ExpectMsgAsync<Tcp.Received>();
            buffer.Write(received.Data.ToReadOnlySpan());
        }

        Assert.Equal(count, buffer.Length);
        return buffer.ToArray();
    }

    protected static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && SocketHandles.Supported)
        {
            // Closing is asynchronous at the edges (a pending receive completes after dispose), so poll briefly.
            SpinWait.SpinUntil(() => SocketHandles.Count() <= _socketsBefore, TimeSpan.FromSeconds(5));
            Assert.Equal(_socketsBefore, SocketHandles.Count());
        }
    }
}
