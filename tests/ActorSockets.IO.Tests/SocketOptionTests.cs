using System.Collections.Concurrent;
using System.Net.Sockets;
using ActorSockets.IO.Tests.Support;
using ActorSockets.TestKit;
using Xunit.Abstractions;

namespace ActorSockets.IO.Tests;

public class SocketOptionTests(ITestOutputHelper output) : IoTestKit(output)
{
    [Fact]
    public async Task Bind_Options_AppliedBeforeBindToTheListenerAndAfterConnectToEachConnection()
    {
        var recorder = new RecordingOption();
        TestProbe handler = CreateTestProbe();
        var options = new Inet.SocketOption[] { recorder, new Inet.SO.ReceiveBufferSize(64 * 1024), new Tcp.SO.KeepAlive(true) };

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

        Sys.Tcp().Tell(new Tcp.Connect(server.LocalEndPoint!, Options: [recorder]), TestActor);
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        using Socket accepted = await server.AcceptAsync(timeout.Token);
        await ExpectMsgAsync<Tcp.Connected>();

        Assert.Equal(["BeforeConnect:unbound", "AfterConnect:connected"], recorder.Calls.ToArray());
    }

    [Fact]
    public async Task Connect_OptionThrowsBeforeConnect_CommandFailedWithTheCauseAndTheActorStops()
    {
        using Socket server = Loopback.Listen();
        var connect = new Tcp.Connect(server.LocalEndPoint!, Options: [new ThrowingOption(nameof(Inet.SocketOption.BeforeConnect))]);

        Sys.Tcp().Tell(connect, TestActor);

        Tcp.CommandFailed failed = await ExpectMsgAsync<Tcp.CommandFailed>();
        Assert.Same(connect, failed.Cmd);
        Assert.Equal(ThrowingOption.Message, Assert.IsType<InvalidOperationException>(failed.Cause).Message);
        await ExpectTerminatedAsync(Watch(LastSender));
    }

    [Fact]
    public async Task Bind_OptionThrowsBeforeBind_CommandFailedWithTheCauseAndTheListenerStops()
    {
        var bind = new Tcp.Bind(CreateTestProbe().Ref, AnyLoopbackPort, Options: [new ThrowingOption(nameof(Inet.SocketOption.BeforeBind))]);

        Sys.Tcp().Tell(bind, TestActor);

        Tcp.CommandFailed failed = await ExpectMsgAsync<Tcp.CommandFailed>();
        Assert.Same(bind, failed.Cmd);
        Assert.Equal(ThrowingOption.Message, Assert.IsType<InvalidOperationException>(failed.Cause).Message);
        await ExpectTerminatedAsync(Watch(LastSender));
    }

    [Fact]
    public async Task Connect_OptionThrowsAfterConnect_ConnectedAnywayAndTheErrorIsLogged()
    {
        using Socket server = Loopback.Listen();
        using var timeout = new CancellationTokenSource(RawClient.DefaultTimeout);
        Socket? accepted = null;

        await EventFilter.Error(contains: "Could not apply socket options").ExpectOneAsync(async () =>
        {
            Sys.Tcp().Tell(new Tcp.Connect(server.LocalEndPoint!, Options: [new ThrowingOption(nameof(Inet.SocketOption.AfterConnect))]), TestActor);
            accepted = await server.AcceptAsync(timeout.Token);
            await ExpectMsgAsync<Tcp.Connected>();
        });
        using Socket _ = accepted!;
    }

    [Fact]
    public void DualStack_OnIPv6Socket_TurnsDualModeOnAndOff()
    {
        using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);

        new Inet.SO.DualStack(true).BeforeBind(socket);
        Assert.True(socket.DualMode);
        new Inet.SO.DualStack(false).BeforeBind(socket);
        Assert.False(socket.DualMode);
    }

    [Fact]
    public void TcpOnlyOptions_OnUnixDomainSocket_AreIgnoredInsteadOfThrowing()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

        new Tcp.SO.NoDelay(true).AfterConnect(socket);
        new Tcp.SO.KeepAlive(true).AfterConnect(socket);
        new Inet.SO.ReuseAddress(true).BeforeBind(socket);
        new Inet.SO.DualStack(true).BeforeBind(socket);
    }

    /// <summary>A custom option with a bug: its <paramref name="FailingHook"/> throws what no socket operation would.</summary>
    private sealed record ThrowingOption(string FailingHook) : Inet.SocketOption
    {
        public const string Message = "the option is broken";

        public override void BeforeBind(Socket socket) => ThrowIf(nameof(BeforeBind));

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
    private sealed record RecordingOption : Inet.SocketOption
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public bool NoDelayAfterConnect { get; private set; }

        public override void BeforeBind(Socket socket) => Calls.Enqueue($"BeforeBind:{State(socket)}");

        public override void BeforeConnect(Socket socket) => Calls.Enqueue($"BeforeConnect:{State(socket)}");

        public override void AfterConnect(Socket socket)
        {
            NoDelayAfterConnect = socket.NoDelay;
            Calls.Enqueue($"AfterConnect:{State(socket)}");
        }

        private static string State(Socket socket) => socket.Connected ? "connected" : "unbound";
    }
}
