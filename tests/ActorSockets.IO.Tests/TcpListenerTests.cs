using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using ActorSockets.IO.Internal;
using ActorSockets.IO.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;
using Akka.Event;
using Akka.IO;

namespace ActorSockets.IO.Tests;

public abstract class TcpListenerTests(ITestOutputHelper output, IoManager manager)
    : IoTestKit(output, manager, "actorsockets.io.tcp.max-connections = 2")
{
    [Fact]
    public async Task Bind_Port0_BoundReportsTheRealPort()
    {
        TestProbe handler = CreateTestProbe();

        var (_, address) = await BindAsync(handler);

        IPEndPoint bound = Assert.IsType<IPEndPoint>(address);
        Assert.Equal(IPAddress.Loopback, bound.Address);
        Assert.NotEqual(0, bound.Port);
        using RawClient client = await RawClient.ConnectAsync(bound);
        Tcp.Connected connected = await handler.ExpectMsgAsync<Tcp.Connected>();
        Assert.Equal(bound, connected.LocalAddress);
        Assert.Equal(client.Socket.LocalEndPoint, connected.RemoteAddress);
    }

    [Fact]
    public async Task Bind_PortInUse_RepliesCommandFailedWithAddressInUse()
    {
        using var occupant = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        occupant.Bind(AnyLoopbackPort);
        occupant.Listen();
        TestProbe commander = CreateTestProbe();
        var bind = new Tcp.Bind(CreateTestProbe().Ref, occupant.LocalEndPoint!);

        TcpManager.Tell(bind, commander.Ref);

        Tcp.CommandFailed failed = await commander.ExpectMsgAsync<Tcp.CommandFailed>();
        Assert.Same(bind, failed.Cmd);
        SocketException cause = Assert.IsType<SocketException>(failed.Cause.Value);
        Assert.Equal(SocketError.AddressAlreadyInUse, cause.SocketErrorCode);

        // The listener answered itself, and must not linger once it failed.
        await ExpectTerminatedAsync(Watch(commander.LastSender));
    }

    [SocketsOnlyFact("Akka.IO cannot bind or connect Unix domain sockets")]
    public async Task Bind_UnixPathOfALiveListener_FailsWithPlainAddressInUse()
    {
        using TempDirectory directory = new();
        var endpoint = new UnixDomainSocketEndPoint(directory.File("live.sock"));
        using var occupant = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        occupant.Bind(endpoint);
        occupant.Listen();

        Tcp.CommandFailed failed = await BindExpectingFailureAsync(endpoint);

        SocketException cause = Assert.IsType<SocketException>(failed.Cause.Value);
        Assert.Equal(SocketError.AddressAlreadyInUse, cause.SocketErrorCode);
    }

    [SocketsOnlyFact("Akka.IO cannot bind or connect Unix domain sockets")]
    public async Task Bind_UnixPathOfAStaleSocket_FailsSayingSoAndLeavesTheFile()
    {
        using TempDirectory directory = new();
        string path = directory.File("stale.sock");
        using (var crashed = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // A process killed while listening leaves its socket file behind. Disposing a .NET socket removes
            // the file it bound, so move the file away first: what stays is a socket file nobody listens on.
            crashed.Bind(new UnixDomainSocketEndPoint(directory.File("bound.sock")));
            crashed.Listen();
            File.Move(directory.File("bound.sock"), path);
        }

        Tcp.CommandFailed failed = await BindExpectingFailureAsync(new UnixDomainSocketEndPoint(path));

        IOException cause = Assert.IsType<IOException>(failed.Cause.Value);
        Assert.Contains("nothing accepts connections", cause.Message, StringComparison.Ordinal);
        Assert.Contains(path, cause.Message, StringComparison.Ordinal);
        Assert.Equal(SocketError.AddressAlreadyInUse, Assert.IsType<SocketException>(cause.InnerException).SocketErrorCode);
        Assert.True(File.Exists(path), "the stale file must be left for its owner to remove");
    }

    [SocketsOnlyFact("Akka.IO cannot bind or connect Unix domain sockets")]
    public async Task Bind_UnixPathOfARegularFile_FailsAndLeavesTheFileUntouched()
    {
        using TempDirectory directory = new();
        string path = directory.File("notes.txt");
        await File.WriteAllTextAsync(path, "keep me");

        Tcp.CommandFailed failed = await BindExpectingFailureAsync(new UnixDomainSocketEndPoint(path));

        Assert.Contains("nothing accepts connections", failed.Cause.Value.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(path));
    }

    protected async Task<Tcp.CommandFailed> BindExpectingFailureAsync(EndPoint endpoint)
    {
        TestProbe commander = CreateTestProbe();
        var bind = new Tcp.Bind(CreateTestProbe().Ref, endpoint);
        TcpManager.Tell(bind, commander.Ref);
        Tcp.CommandFailed failed = await commander.ExpectMsgAsync<Tcp.CommandFailed>();
        Assert.Same(bind, failed.Cmd);
        return failed;
    }

    /// <summary>A fresh temporary directory, deleted with everything in it.</summary>
    private sealed class TempDirectory : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("actorsockets-io-").FullName;

        public string File(string name) => Path.Combine(_path, name);

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }

    [Fact]
    public async Task Unbind_RepliesUnboundAndRefusesNewConnections()
    {
        TestProbe handler = CreateTestProbe();
        var (listener, address) = await BindAsync(handler);
        TestProbe commander = CreateTestProbe();

        listener.Tell(Tcp.Unbind.Instance, commander.Ref);

        await commander.ExpectMsgAsync<Tcp.Unbound>();
        SocketException refused = await Assert.ThrowsAsync<SocketException>(() => RawClient.ConnectAsync(address));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [SocketsOnlyFact("on Akka.IO a connection accepted before Unbind stopped delivering data after it (observed)")]
    public async Task Unbind_WithOpenConnection_ConnectionKeepsWorkingThenListenerStops()
    {
        TestProbe bindHandler = CreateTestProbe();
        TestProbe handler = CreateTestProbe();
        var (listener, address) = await BindAsync(bindHandler);
        var (connection, client) = await AcceptAsync(bindHandler, address);
        using RawClient _ = client;
        connection.Tell(new Tcp.Register(handler.Ref), handler.Ref);
        Watch(listener);

        listener.Tell(Tcp.Unbind.Instance, TestActor);
        await ExpectMsgAsync<Tcp.Unbound>();
        await client.SendAsync("still here");
        Tcp.Received received = await handler.ExpectMsgAsync<Tcp.Received>();
        Assert.Equal("still here", received.Data.ToString());

        connection.Tell(Tcp.Close.Instance, handler.Ref);
        await handler.ExpectMsgAsync<Tcp.Closed>();
        await ExpectTerminatedAsync(listener);
    }

    [SocketsOnlyFact("Akka.IO's pull-mode listener accepts a first connection before any ResumeAccepting")]
    public async Task PullMode_AcceptsOnlyAfterResumeAccepting()
    {
        TestProbe handler = CreateTestProbe();
        var (listener, address) = await BindAsync(handler, pullMode: true);

        // The kernel completes the handshake from its backlog, but the listener must not accept yet.
        using RawClient client = await RawClient.ConnectAsync(address);
        await handler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        listener.Tell(new Tcp.ResumeAccepting(1), TestActor);

        await handler.ExpectMsgAsync<Tcp.Connected>();
    }

    [SocketsOnlyFact("max-connections is ours; Akka.IO has no limit")]
    public async Task MaxConnections_ThirdConnectionIsClosedAndTheOthersKeepWorking()
    {
        TestProbe bindHandler = CreateTestProbe();
        TestProbe handler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);
        var (first, firstClient) = await AcceptAsync(bindHandler, address);
        var (_, secondClient) = await AcceptAsync(bindHandler, address);
        using RawClient a = firstClient, b = secondClient;
        first.Tell(new Tcp.Register(handler.Ref), handler.Ref);

        await EventFilter.Warning(contains: "max-connections").ExpectOneAsync(async () =>
        {
            using RawClient third = await RawClient.ConnectAsync(address);
            await third.ExpectEndOfStreamAsync();
        });
        await bindHandler.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        await firstClient.SendAsync("ping");
        Assert.Equal("ping", (await handler.ExpectMsgAsync<Tcp.Received>()).Data.ToString());
    }

    [Fact]
    public async Task MaxConnections_AfterOneCloses_AcceptsAgain()
    {
        TestProbe bindHandler = CreateTestProbe();
        var (_, address) = await BindAsync(bindHandler);
        var (first, firstClient) = await AcceptAsync(bindHandler, address);
        var (_, secondClient) = await AcceptAsync(bindHandler, address);
        using RawClient b = secondClient;
        Watch(first);

        first.Tell(Tcp.Abort.Instance, TestActor);
        await ExpectMsgAsync<Tcp.Aborted>();
        await ExpectTerminatedAsync(first);
        firstClient.Dispose();
        var (_, thirdClient) = await AcceptAsync(bindHandler, address);
        using RawClient c = thirdClient;
    }

    [SocketsOnlyFact("Akka.IO closes with a reset (RST) here where ours sends FIN after the data")]
    public async Task StopListener_ClosesItsConnections()
    {
        TestProbe bindHandler = CreateTestProbe();
        var (listener, address) = await BindAsync(bindHandler);
        var (connection, client) = await AcceptAsync(bindHandler, address);
        using RawClient _ = client;
        Watch(connection);

        Sys.Stop(listener);

        await ExpectTerminatedAsync(connection);
        await client.ExpectEndOfStreamAsync();
    }

    [Fact]
    public async Task BindHandlerStops_ListenerStopsAndNewConnectionsAreRefused()
    {
        TestProbe handler = CreateTestProbe();
        var (listener, address) = await BindAsync(handler);
        Watch(listener);

        Sys.Stop(handler.Ref);

        await ExpectTerminatedAsync(listener);
        SocketException refused = await Assert.ThrowsAsync<SocketException>(() => RawClient.ConnectAsync(address));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    // The accept failures below are told to the listener as its acceptor reports them: a real ECONNABORTED (a client
    // that resets between handshake and accept; Linux accepts such a connection instead) or EMFILE cannot be
    // produced on demand over loopback.

    [SocketsOnlyFact("drives our listener's internal accept-failure message")]
    public async Task AcceptFailed_ClientLeftBeforeAccept_LoggedAtDebugAndThePermitIsGivenBackAtOnce()
    {
        TestProbe handler = CreateTestProbe();
        var (listener, address) = await BindAsync(handler, pullMode: true);
        var error = new SocketException((int)SocketError.ConnectionAborted);

        await EventFilter.Error().ExpectAsync(0, async () =>
        {
            await EventFilter.Debug(contains: "went away before").ExpectOneAsync(
                () =>
                {
                    listener.Tell(new ChannelAcceptFailed(SocketErrors.ClassifyAccept(error), error), listener);
                    return Task.CompletedTask;
                });

            // Pull mode, no ResumeAccepting: only the permit given back for the failed accept lets this one in.
            using RawClient client = await RawClient.ConnectAsync(address);
            await handler.ExpectMsgAsync<Tcp.Connected>(TimeSpan.FromMilliseconds(500));
        });
    }

    [SocketsOnlyFact("drives our listener's internal accept-failure message")]
    public async Task AcceptFailed_AfterUnbindWhileDraining_IsHandled()
    {
        TestProbe bindHandler = CreateTestProbe();
        TestProbe handler = CreateTestProbe();
        TestProbe unhandled = CreateTestProbe();
        var (listener, address) = await BindAsync(bindHandler);
        var (connection, client) = await AcceptAsync(bindHandler, address);
        using RawClient _ = client;
        connection.Tell(new Tcp.Register(handler.Ref), handler.Ref);
        listener.Tell(Tcp.Unbind.Instance, TestActor);
        await ExpectMsgAsync<Tcp.Unbound>();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));

        // As if the acceptor had reported a failure just before the unbind closed it.
        var error = new SocketException((int)SocketError.TooManyOpenSockets);
        listener.Tell(new ChannelAcceptFailed(SocketFailureKind.Unexpected, error), listener);
        listener.Tell(Tcp.Unbind.Instance, TestActor);
        await ExpectMsgAsync<Tcp.Unbound>();

        await unhandled.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [SocketsOnlyFact("drives our listener's internal accept-failure message")]
    public async Task Stop_WithAnAcceptRetryPending_TheRetryTimerDiesWithTheListener()
    {
        TestProbe handler = CreateTestProbe();
        TestProbe deadLetters = CreateTestProbe();
        var (listener, _) = await BindAsync(handler);
        Watch(listener);
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        deadLetters.IgnoreMessages(m => m is not DeadLetter { Message: var message }
            || message.GetType().Name is not ("RetryAccept" or "TimerMessage"));
        var error = new SocketException((int)SocketError.TooManyOpenSockets);

        await EventFilter.Error(contains: "retrying").ExpectOneAsync(
            () =>
            {
                listener.Tell(new ChannelAcceptFailed(SocketFailureKind.Unexpected, error), listener);
                return Task.CompletedTask;
            });
        Sys.Stop(listener);
        await ExpectTerminatedAsync(listener);

        // The retry was due 1 s after the failure; nothing of it may reach the dead listener.
        await deadLetters.ExpectNoMsgAsync(TimeSpan.FromSeconds(1.5));
    }
}

/// <summary>Runs <see cref="TcpListenerTests"/> against Akka's own manager.</summary>
public sealed class TcpListenerTestsOnAkka(ITestOutputHelper output) : TcpListenerTests(output, IoManager.Akka);

/// <summary>Runs <see cref="TcpListenerTests"/> against ActorSockets' manager.</summary>
public sealed class TcpListenerTestsOnSockets(ITestOutputHelper output) : TcpListenerTests(output, IoManager.Sockets);
