using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorSockets.Host.Tests.Support;

/// <summary>
/// A TCP client as the tutorials write them, with a timeout on every operation so a test can never hang.
/// Reads go through one buffer, so bytes that arrive together with an earlier reply are never lost.
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Socket _socket;
    private readonly List<byte> _pending = [];
    private readonly byte[] _buffer = new byte[64 * 1024];
    private bool _eof;

    private TestClient(Socket socket)
    {
        _socket = socket;
    }

    public EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    public static async Task<TestClient> ConnectAsync(IPEndPoint server, int? receiveBufferSize = null)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferSize is { } size)
        {
            socket.ReceiveBufferSize = size;
        }

        try
        {
            using var cts = new CancellationTokenSource(Timeout);
            await socket.ConnectAsync(server, cts.Token).ConfigureAwait(false);
            return new TestClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] data)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var sent = 0;
        while (sent < data.Length)
        {
            sent += await _socket.SendAsync(data.AsMemory(sent), SocketFlags.None, cts.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a string framed as Java's <c>DataOutputStream.writeUTF</c> (text without NUL or surrogates).</summary>
    public Task SendWriteUtfAsync(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        var frame = new byte[2 + body.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, checked((ushort)body.Length));
        body.CopyTo(frame, 2);
        return SendAsync(frame);
    }

    /// <summary>Reads one <c>writeUTF</c> frame, as Java's <c>DataInputStream.readUTF</c> does.</summary>
    public async Task<string> ReadWriteUtfAsync()
    {
        var header = await ReadExactlyAsync(2).ConfigureAwait(false);
        var body = await ReadExactlyAsync(BinaryPrimitives.ReadUInt16BigEndian(header)).ConfigureAwait(false);
        return Encoding.UTF8.GetString(body);
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes; fails on EOF or timeout.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (_pending.Count < count)
        {
            if (!await FillAsync(cts.Token).ConfigureAwait(false))
            {
                throw new EndOfStreamException($"EOF after {_pending.Count} of {count} bytes: '{Encoding.UTF8.GetString([.. _pending])}'");
            }
        }

        return Take(count);
    }

    /// <summary>Reads <paramref name="text"/>'s UTF-8 byte count and returns what arrived, as text.</summary>
    public async Task<string> ReadTextOfLengthAsync(string text) =>
        Encoding.UTF8.GetString(await ReadExactlyAsync(Encoding.UTF8.GetByteCount(text)).ConfigureAwait(false));

    /// <summary>Reads one CRLF- or LF-terminated line (without the terminator); fails on EOF or timeout.</summary>
    public Task<string> ReadLineAsync() => ReadLineAsync(Timeout);

    /// <summary>Reads one line, waiting at most <paramref name="timeout"/>.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var newline = _pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Take(newline + 1);
                var length = line.Length - 1 - (line.Length >= 2 && line[^2] == '\r' ? 1 : 0);
                return Encoding.UTF8.GetString(line, 0, length);
            }

            if (!await FillAsync(cts.Token).ConfigureAwait(false))
            {
                throw new EndOfStreamException($"EOF before a line; pending: '{Encoding.UTF8.GetString([.. _pending])}'");
            }
        }
    }

    /// <summary>Reads lines until one equals <paramref name="expected"/>; returns the lines skipped before it.</summary>
    public async Task<IReadOnlyList<string>> ReadUntilLineAsync(string expected)
    {
        var skipped = new List<string>();
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var line = await ReadLineAsync().WaitAsync(cts.Token).ConfigureAwait(false);
            if (line == expected)
            {
                return skipped;
            }

            skipped.Add(line);
        }
    }

    /// <summary>Reads lines until one equals <paramref name="expected"/>, for at most <paramref name="timeout"/>; returns the lines skipped before it.</summary>
    public async Task<IReadOnlyList<string>> ReadUntilLineAsync(string expected, TimeSpan timeout)
    {
        var lines = await ReadUntilAsync(line => line == expected, timeout).ConfigureAwait(false);
        return lines.Take(lines.Count - 1).ToList();
    }

    /// <summary>Reads lines until one matches <paramref name="match"/>, for at most <paramref name="timeout"/> (default <see cref="Timeout"/>); returns them all, the match last.</summary>
    public async Task<IReadOnlyList<string>> ReadUntilAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var lines = new List<string>();
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no matching line within {timeout ?? Timeout}; read: {string.Join(" | ", lines)}");
            }

            var line = await ReadLineAsync(left).ConfigureAwait(false);
            lines.Add(line);
            if (match(line))
            {
                return lines;
            }
        }
    }

    /// <summary>Reads everything up to the server's close (EOF); fails on timeout or a reset.</summary>
    public async Task<byte[]> ReadToEndAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (await FillAsync(cts.Token).ConfigureAwait(false))
        {
        }

        return Take(_pending.Count);
    }

    public async Task<string> ReadToEndTextAsync() => Encoding.UTF8.GetString(await ReadToEndAsync().ConfigureAwait(false));

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return false;
        }

        var read = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _pending.AddRange(_buffer.AsSpan(0, read));
        return true;
    }

    private byte[] Take(int count)
    {
        var taken = _pending.GetRange(0, count).ToArray();
        _pending.RemoveRange(0, count);
        return taken;
    }
}
