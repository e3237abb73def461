using System.Net;
using System.Net.Sockets;
using Akka.IO;

namespace ActorSockets.IO.Tests.Support;

/// <summary>
/// A plain-socket peer for the IO tests: the other end of a connection, driven without actors so the tests
/// observe exactly what goes over the wire. Every wait is bounded by a timeout.
/// </summary>
public sealed class RawClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private RawClient(Socket socket) => Socket = socket;

    public Socket Socket { get; }

    public static async Task<RawClient> ConnectAsync(EndPoint endpoint)
    {
        Socket socket = endpoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = new CancellationTokenSource(DefaultTimeout);
            await socket.ConnectAsync(endpoint, timeout.Token);
            return new RawClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Wraps an accepted socket (the server side of a connection opened by the actors).</summary>
    public static RawClient FromAccepted(Socket socket) => new(socket);

    public async Task SendAsync(ReadOnlyMemory<byte> data)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        while (!data.IsEmpty)
        {
            int sent = await Socket.SendAsync(data, SocketFlags.None, timeout.Token);
            data = data[sent..];
        }
    }

    public Task SendAsync(string text) => SendAsync(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Reads exactly <paramref name="count"/> bytes; fails on end-of-stream or timeout.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count, TimeSpan? timeout = null)
    {
        var buffer = new byte[count];
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        int total = 0;
        while (total < count)
        {
            int read = await Socket.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None, cts.Token);
            if (read == 0)
            {
                throw new EndOfStreamException($"End of stream after {total} of {count} bytes.");
            }

            total += read;
        }

        return buffer;
    }

    public async Task<string> ReadStringAsync(int byteCount) =>
        System.Text.Encoding.UTF8.GetString(await ReadExactlyAsync(byteCount));

    /// <summary>Reads until the peer closes; returns how many bytes came before end-of-stream.</summary>
    public async Task<long> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var buffer = new byte[64 * 1024];
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        long total = 0;
        while (true)
        {
            int read = await Socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (read == 0)
            {
                return total;
            }

            total += read;
        }
    }

    /// <summary>Completes when the peer's FIN arrives; fails if data arrives first or the peer resets.</summary>
    public async Task ExpectEndOfStreamAsync(TimeSpan? timeout = null)
    {
        long extra = await ReadToEndAsync(timeout);
        Assert.Equal(0, extra);
    }

    /// <summary>Sends FIN: the server reads end-of-stream, this side can still read.</summary>
    public void ShutdownSend() => Socket.Shutdown(SocketShutdown.Send);

    /// <summary>Closes with RST.</summary>
    public void Reset()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Dispose();
    }

    public void Dispose() => Socket.Dispose();
}
