using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace ActorSockets.Benchmarks.Echo.Internal;

/// <summary>
/// The raw baseline servers. Every accepted socket is tracked so that disposing the server closes it, whichever
/// way the server stops. With pooled buffers a connection waits for readability with a zero-byte receive and rents
/// its 64 KiB buffer only for one receive-and-send, so idle connections cost no buffer and busy ones share a few
/// pooled buffers; with a per-connection buffer it receives straight into its own 64 KiB, one syscall fewer per
/// message but 64 KiB held by every idle connection. With <see cref="RawBuffering.PooledWithCopy"/> it works as with
/// pooled buffers but sends a fresh copy of each message, as ActorSockets hands the handler its own array: the cost
/// of that copy measured on its own.
/// </summary>
internal sealed class RawEchoServer : IRunningEchoServer
{
    private const int BufferSize = 64 * 1024;

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly OpenConnections<Socket> _connections = new();
    private readonly Task _accepting;

    private readonly RawBuffering _buffering;

    private RawEchoServer(Socket listener, RawBuffering buffering)
    {
        _listener = listener;
        _buffering = buffering;
        LocalEndPoint = listener.LocalEndPoint!;
        _accepting = AcceptAsync();
    }

    public EndPoint LocalEndPoint { get; }

    public static RawEchoServer Start(EndPoint endPoint, RawBuffering buffering)
    {
        var listener = Listen(endPoint);
        try
        {
            return new RawEchoServer(listener, buffering);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>A listening socket on <paramref name="endPoint"/> with a backlog of 4096, as every echo server listens.</summary>
    public static Socket Listen(EndPoint endPoint)
    {
        var protocol = endPoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp;
        var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, protocol);
        try
        {
            // No ReuseAddress: on Linux .NET maps it to SO_REUSEPORT as well, which would let a second server share
            // the port silently. Rebinding over TIME_WAIT needs nothing, .NET sets SO_REUSEADDR itself on Unix.
            listener.Bind(endPoint);
            listener.Listen(4096);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The next accepted connection (with Nagle off on TCP), skipping peers that gave up before the accept; null
    /// once <paramref name="stop"/> is cancelled or the listener is closed.
    /// </summary>
    public static async Task<Socket?> AcceptOneAsync(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset)
            {
                // The peer gave up before we accepted it; keep accepting.
                continue;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TooManyOpenSockets)
            {
                await Console.Error.WriteLineAsync($"echo: accept failed: {e.Message}");
                continue;
            }

            if (connection.AddressFamily != AddressFamily.Unix)
            {
                connection.NoDelay = true;
            }

            return connection;
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        foreach (var connection in _connections.StopTaking())
        {
            connection.Dispose();
        }

        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket? connection = await AcceptOneAsync(_listener, _stop.Token);
            if (connection is null)
            {
                return;
            }

            if (!_connections.TryAdd(connection))
            {
                connection.Dispose();
                return;
            }

            _ = _buffering == RawBuffering.PerConnection
                ? ServeWithOwnBufferAsync(connection)
                : ServePooledAsync(connection, copy: _buffering == RawBuffering.PooledWithCopy);
        }
    }

    private async Task ServePooledAsync(Socket connection, bool copy)
    {
        try
        {
            while (true)
            {
                await connection.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                byte[]? buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                try
                {
                    var read = await connection.ReceiveAsync(buffer, SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    ReadOnlyMemory<byte> reply = buffer.AsMemory(0, read);
                    if (copy)
                    {
                        // What ActorSockets does: a fresh array of exactly the bytes read, the pooled buffer
                        // returned before the send.
                        var data = GC.AllocateUninitializedArray<byte>(read);
                        reply.Span.CopyTo(data);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = null;
                        reply = data;
                    }

                    await connection.SendAsync(reply, SocketFlags.None);
                }
                finally
                {
                    if (buffer is not null)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset or aborted by the peer, or closed because the server stopped: the connection is over.
        }
        finally
        {
            Forget(connection);
        }
    }

    private async Task ServeWithOwnBufferAsync(Socket connection)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await connection.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    return;
                }

                await connection.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset or aborted by the peer, or closed because the server stopped: the connection is over.
        }
        finally
        {
            Forget(connection);
        }
    }

    private void Forget(Socket connection)
    {
        _connections.Remove(connection);
        connection.Dispose();
    }
}

/// <summary>How a <see cref="RawEchoServer"/> buffers what it receives.</summary>
internal enum RawBuffering
{
    /// <summary>A pooled 64 KiB buffer rented after a zero-byte receive, for one receive-and-send.</summary>
    Pooled,

    /// <summary>Like <see cref="Pooled"/>, but each message is copied into a fresh array that is sent.</summary>
    PooledWithCopy,

    /// <summary>A 64 KiB buffer of the connection's own, received into directly.</summary>
    PerConnection,
}
