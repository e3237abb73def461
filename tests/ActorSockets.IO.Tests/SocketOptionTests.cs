using System.Collections.Concurrent;
using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.IO;

namespace ActorSockets.IO.Tests;

public abstract class SocketOptionTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager)
{
    [Fact]
    public async Task Bind_Options_AppliedBeforeBindToTheListenerAndAfterConnectToEachConnection()
    {
        var recorder = new RecordingOption();
        TestProbe handler = CreateTestProbe();
        var options = new Inet.SocketOption[] { recorder, new Inet.SO.ReceiveBufferSize(64 * 1024), new SocketsSO.KeepAlive(true) };

        var (_, address) = await BindAsync(handler, options: options);
        using RawClient client = await RawClient.ConnectAsync(address);
        await handler.ExpectMsgAsync<Tcp.Connected>();

        await AwaitAssertAsync(() => Assert.Equal(["BeforeBind:unbound", "AfterConnect:connected"], recorder.Calls.ToArray()));
        Assert.True(recorder.NoDelayAfterConnect, "no-delay is on by default on accepted sockets");
    }

    [Fact]
    public async Task Connect_Options_AppliedBeforeAndAfterConnect()
    {
        var recorder = new RecordingOption();
        using Socket server = Loopback.Listen();

        TcpManager.Tell(new Tcp.Connect(server.LocalEndPoint!, options: [recorder]), TestActor);
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        using Socket accepted = await server.AcceptAsync(timeout.Token);
        await ExpectMsgAsync<Tcp.Connected>();

        Assert.Equal(["BeforeConnect:unbound", "AfterConnect:connected"], recorder.Calls.ToArray());
    }

    [SocketsOnlyFact("Akka.IO does not reply CommandFailed with the cause when an option throws in BeforeConnect (observed)")]
    public async Task Connect_OptionThrowsBeforeConnect_CommandFailedWithTheCauseAndTheActorStops()
    {
        using Socket server = Loopback.Listen();
        var connect = new Tcp.Connect(server.LocalEndPoint!, options: [new ThrowingOption(nameof(Inet.SocketOption.BeforeConnect))]);

        TcpManager.Tell(connect, TestActor);

        Tcp.CommandFailed failed = await ExpectMsgAsync<Tcp.CommandFailed>();
        Assert.Same(connect, failed.Cmd);
        Assert.Equal(ThrowingOption.Message, Assert.IsType<InvalidOperationException>(failed.Cause.Value).Message);
        await ExpectTerminatedAsync(Watch(LastSender));
    }

    [Fact]
    public async Task Bind_OptionThrowsBeforeBind_CommandFailedWithTheCauseAndTheListenerStops()
    {
        var bind = new Tcp.Bind(CreateTestProbe().Ref, AnyLoopbackPort, options: [new ThrowingOption(nameof(Inet.SocketOption.BeforeServerSocketBind))]);

        TcpManager.Tell(bind, TestActor);

        Tcp.CommandFailed failed = await ExpectMsgAsync<Tcp.CommandFailed>();
        Assert.Same(bind, failed.Cmd);
        Assert.Equal(ThrowingOption.Message, Assert.IsType<InvalidOperationException>(failed.Cause.Value).Message);
        await ExpectTerminatedAsync(Watch(LastSender));
    }

    [SocketsOnlyFact("Akka.IO does not survive and log an option throwing in AfterConnect (observed)")]
    public async Task Connect_OptionThrowsAfterConnect_ConnectedAnywayAndTheErrorIsLogged()
    {
        using Socket server = Loopback.Listen();
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        Socket? accepted = null;

        await EventFilter.Error(contains: "Could not apply socket options").ExpectOneAsync(async () =>
        {
            TcpManager.Tell(new Tcp.Connect(server.LocalEndPoint!, options: [new ThrowingOption(nameof(Inet.SocketOption.AfterConnect))]), TestActor);
            accepted = await server.AcceptAsync(timeout.Token);
            await ExpectMsgAsync<Tcp.Connected>();
        });
        using Socket _ = accepted!;
    }

    [Fact]
    public void DualStack_OnIPv6Socket_TurnsDualModeOnAndOff()
    {
        using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);

        new SocketsSO.DualStack(true).BeforeServerSocketBind(socket);
        Assert.True(socket.DualMode);
        new SocketsSO.DualStack(false).BeforeServerSocketBind(socket);
        Assert.False(socket.DualMode);
    }

    [Fact]
    public void OurOptions_OnUnixDomainSocket_AreIgnoredInsteadOfThrowing()
    {
        // Ours only: Akka's Inet.SO.ReuseAddress is Akka's code and throws on a Unix domain socket; our listener
        // applies the reuse-address setting itself and skips it there.
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

        new SocketsSO.NoDelay(true).AfterConnect(socket);
        new SocketsSO.KeepAlive(true).AfterConnect(socket);
        new SocketsSO.DualStack(true).BeforeServerSocketBind(socket);
    }

    /// <summary>A custom option with a bug: its <paramref name="FailingHook"/> throws what no socket operation would.</summary>
    private sealed class ThrowingOption(string FailingHook) : Inet.SocketOption
    {
        public string FailingHook { get; } = FailingHook;

        public const string Message = "the option is broken";

        public override void BeforeServerSocketBind(Socket socket) => ThrowIf(nameof(BeforeServerSocketBind));

        public override void BeforeConnect(Socket socket) => ThrowIf(nameof(BeforeConnect));

        public override void AfterConnect(Socket socket) => ThrowIf(nameof(AfterConnect));

        private void ThrowIf(string hook)
        {
            if (hook == FailingHook)
            {
                throw new InvalidOperationException(Message);
            }
        }
    }

    /// <summary>Records which hook ran on a socket in which state.</summary>
    private sealed class RecordingOption : Inet.SocketOption
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public bool NoDelayAfterConnect { get; private set; }

        public override void BeforeServerSocketBind(Socket socket) => Calls.Enqueue($"BeforeBind:{State(socket)}");

        public override void BeforeConnect(Socket socket) => Calls.Enqueue($"BeforeConnect:{State(socket)}");

        public override void AfterConnect(Socket socket)
        {
            NoDelayAfterConnect = socket.NoDelay;
            Calls.Enqueue($"AfterConnect:{State(socket)}");
        }

        private static string State(Socket socket) => socket.Connected ? "connected" : "unbound";
    }
}

/// <summary>Runs <see cref="SocketOptionTests"/> against Akka's own manager.</summary>
public sealed class SocketOptionTestsOnAkka(ITestOutputHelper output) : SocketOptionTests(output, IoManager.Akka);

/// <summary>Runs <see cref="SocketOptionTests"/> against ActorSockets' manager.</summary>
public sealed class SocketOptionTestsOnSockets(ITestOutputHelper output) : SocketOptionTests(output, IoManager.Sockets);
