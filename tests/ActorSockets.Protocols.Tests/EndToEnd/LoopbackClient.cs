using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorSockets.Protocols.Tests.EndToEnd;

/// <summary>A blocking-style TCP client like the tutorials' ones, with every read bounded by a timeout.</summary>
internal sealed class LoopbackClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly Socket _socket;
    private readonly StringBuilder _pending = new();
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();

    private LoopbackClient(Socket socket)
    {
        _socket = socket;
    }

    public static async Task<LoopbackClient> ConnectAsync(EndPoint address, int? receiveBufferSize = null)
    {
        var socket = address is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBufferSize is { } size)
        {
            socket.ReceiveBufferSize = size;
        }

        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await socket.ConnectAsync(address, cts.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new LoopbackClient(socket);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(bytes, SocketFlags.None, cts.Token);
    }

    /// <summary>One <c>recv(1024)</c>: the bytes of one read, empty at end of stream.</summary>
    public async Task<byte[]> ReceiveOnceAsync()
    {
        var buffer = new byte[1024];
        using var cts = new CancellationTokenSource(Timeout);
        var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        return buffer[..read];
    }

    /// <summary>Reads until the server closes; fails if that takes longer than the timeout.</summary>
    public async Task<byte[]> ReadToEndAsync()
    {
        var all = new List<byte>();
        while (true)
        {
            var chunk = await ReceiveOnceAsync();
            if (chunk.Length == 0)
            {
                return [.. all];
            }

            all.AddRange(chunk);
        }
    }

    /// <summary>Reads one CRLF- or LF-terminated line (without the terminator); null at end of stream.</summary>
    public async Task<string?> ReadLineAsync()
    {
        while (true)
        {
            var text = _pending.ToString();
            var lf = text.IndexOf('\n', StringComparison.Ordinal);
            if (lf >= 0)
            {
                _pending.Remove(0, lf + 1);
                return text[..lf].TrimEnd('\r');
            }

            var chunk = await ReceiveOnceAsync();
            if (chunk.Length == 0)
            {
                return null;
            }

            var chars = new char[_utf8.GetCharCount(chunk, flush: false)];
            _utf8.GetChars(chunk, chars, flush: false);
            _pending.Append(chars);
        }
    }

    /// <summary>Reads lines until one equals <paramref name="expected"/>, returning the lines before it.</summary>
    public async Task<IReadOnlyList<string>> ReadUntilAsync(string expected)
    {
        var seen = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync() ?? throw new InvalidOperationException($"end of stream before '{expected}'; got: {string.Join(" | ", seen)}");
            if (line == expected)
            {
                return seen;
            }

            seen.Add(line);
        }
    }

    public void Dispose() => _socket.Dispose();
}
