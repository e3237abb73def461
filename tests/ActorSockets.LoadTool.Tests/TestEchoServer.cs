using System.Net;
using System.Net.Sockets;

namespace ActorSockets.LoadTool.Tests;

/// <summary>A minimal loopback echo server for the load generator's tests; it can corrupt or drop echoes on request.</summary>
internal sealed class TestEchoServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _connections = [];
    private readonly List<Task> _serving = [];
    private readonly Task _accepting;
    private readonly Behaviour _behaviour;

    public TestEchoServer(Behaviour behaviour = Behaviour.Echo)
    {
        _behaviour = behaviour;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        // On the thread pool, not on the test runner's synchronization context, which parallel tests keep busy.
        _accepting = Task.Run(AcceptAsync);
    }

    public enum Behaviour
    {
        Echo,
        FlipLastByteOfEveryThirdRead,
        CloseAfterFirstRead,
        Silent,
    }

    public int Port { get; }

    /// <summary>Waits until the peer has closed every connection accepted so far, and checks there was at least one.</summary>
    public async Task AssertAllConnectionsClosedAsync(TimeSpan timeout)
    {
        Task[] serving;
        lock (_connections)
        {
            serving = [.. _serving];
        }

        Assert.NotEmpty(serving);
        await Task.WhenAll(serving).WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _listener.AcceptAsync(_stop.Token);
                lock (_connections)
                {
                    _connections.Add(connection);
                    _serving.Add(ServeAsync(connection));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        Task[] serving;
        lock (_connections)
        {
            serving = [.. _serving];
        }

        await Task.WhenAll(serving);
    }

    private async Task ServeAsync(Socket connection)
    {
        var buffer = new byte[65536];
        var reads = 0;
        try
        {
            while (true)
            {
                var read = await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0 || _behaviour == Behaviour.CloseAfterFirstRead)
                {
                    break;
                }

                if (_behaviour == Behaviour.Silent)
                {
                    continue;
                }

                if (_behaviour == Behaviour.FlipLastByteOfEveryThirdRead && ++reads % 3 == 0)
                {
                    buffer[read - 1] ^= 0xFF;
                }

                await connection.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The peer went away or the server stopped.
        }
        finally
        {
            connection.Dispose();
        }
    }
}
