using System.Text;
using System.Text.Unicode;
using Akka.IO;

namespace ActorSockets.Protocols.Framing;

/// <summary>
/// Splits a byte stream into UTF-8 text lines ended by LF or CRLF. The terminator is not part of the line;
/// only a CR directly before the LF is removed (a lone CR elsewhere stays in the line). An empty line is a
/// frame holding the empty string.
/// </summary>
/// <remarks>
/// <para>
/// Memory is bounded by <see cref="MaxLineLength"/>: a line that grows past it produces one
/// <see cref="FrameError.LineTooLong"/> result as soon as that is known, and the rest of it, up to and including
/// the next LF, is discarded without being buffered. Lines that arrive whole inside one chunk are decoded straight
/// from the chunk; only an unterminated tail is copied into the framer's buffer, which grows on demand.
/// </para>
/// <para>
/// Invalid UTF-8 is handled as <see cref="InvalidUtf8Handling"/> says: by default the line is rejected with a
/// <see cref="FrameError.InvalidUtf8"/> result, so the session can answer with a clear error.
/// </para>
/// <para>
/// The socket tutorials' clients send one message without a newline and wait for the answer. A session serving
/// them calls <see cref="TryTakePartial"/> to treat the buffered unterminated remainder as a message: at once
/// after each <see cref="Decode(ByteString, ICollection{FrameResult{string}})"/> (every read that does not end in
/// a newline is a message), after a short idle delay (a message is whatever arrived before the client paused),
/// or when the peer closes its side.
/// </para>
/// </remarks>
public sealed class LineFramer : IFrameDecoder<string>
{
    /// <summary>The default maximum line length in bytes, excluding the terminator: 4096.</summary>
    public const int DefaultMaxLineLength = 4096;

    /// <summary>The largest buffer an idle framer keeps between lines; bigger ones are released.</summary>
    private const int RetainedBufferBytes = 1024;

    private const int InitialBufferBytes = 256;
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    private readonly InvalidUtf8Handling _invalidUtf8;
    private byte[] _buffer = [];
    private int _buffered;
    private bool _discarding;
    private bool _swallowLf;

    /// <summary>Creates a line framer.</summary>
    /// <param name="maxLineLength">The longest accepted line in bytes, excluding its terminator. Defaults to 4096.</param>
    /// <param name="invalidUtf8">What to do with invalid UTF-8. Defaults to <see cref="InvalidUtf8Handling.Reject"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLineLength"/> is below 1.</exception>
    public LineFramer(int maxLineLength = DefaultMaxLineLength, InvalidUtf8Handling invalidUtf8 = InvalidUtf8Handling.Reject)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        ArgumentOutOfRangeException.ThrowIfEqual(maxLineLength, int.MaxValue);
        MaxLineLength = maxLineLength;
        _invalidUtf8 = invalidUtf8;
    }

    /// <summary>The longest accepted line in bytes, excluding its terminator.</summary>
    public int MaxLineLength { get; }

    /// <summary>Whether bytes of an unterminated line are buffered.</summary>
    public bool HasPartial => _buffered > 0;

    /// <summary>The number of buffered bytes of the unterminated line (at most <see cref="MaxLineLength"/> + 1).</summary>
    public int BufferedCount => _buffered;

    /// <summary>Whether the framer is discarding the rest of an over-long line until the next LF.</summary>
    public bool IsDiscarding => _discarding;

    /// <summary>
    /// Encodes <paramref name="line"/> as UTF-8 followed by <paramref name="terminator"/>, in one allocation.
    /// </summary>
    /// <param name="line">The text; it is sent as is, even if it contains line breaks.</param>
    /// <param name="terminator">The line terminator. Defaults to CRLF, which every telnet and nc client shows well.</param>
    public static ByteString Encode(string line, string terminator = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(terminator);
        var utf8 = Encoding.UTF8;
        var lineBytes = utf8.GetByteCount(line);
        var bytes = new byte[lineBytes + utf8.GetByteCount(terminator)];
        utf8.GetBytes(line, bytes);
        utf8.GetBytes(terminator, bytes.AsSpan(lineBytes));
        return ByteString.FromBytes(bytes);
    }

    /// <inheritdoc />
    public void Decode(ByteString chunk, ICollection<FrameResult<string>> results)
    {
        ArgumentNullException.ThrowIfNull(chunk);

        // A chunk from a connection is one buffer, viewed without a copy; only a concatenated ByteString is copied.
        Decode(chunk.ToReadOnlySpan(), results);
    }

    /// <summary>Consumes <paramref name="chunk"/> and appends each completed line or error to <paramref name="results"/>.</summary>
    public void Decode(ReadOnlySpan<byte> chunk, ICollection<FrameResult<string>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (_swallowLf && !chunk.IsEmpty)
        {
            // The LF of a CRLF whose CR ended a message taken by TryTakePartial: that line is already delivered.
            _swallowLf = false;
            if (chunk[0] == Lf)
            {
                chunk = chunk[1..];
            }
        }

        while (!chunk.IsEmpty)
        {
            var lf = chunk.IndexOf(Lf);
            if (lf < 0)
            {
                Buffer(chunk, results);
                return;
            }

            var head = chunk[..lf];
            chunk = chunk[(lf + 1)..];
            if (_discarding)
            {
                _discarding = false;
                continue;
            }

            if (_buffered == 0)
            {
                results.Add(Complete(head));
                continue;
            }

            if ((long)_buffered + head.Length > MaxLineLength + 1L)
            {
                results.Add(FrameResult<string>.Failure(FrameError.LineTooLong));
                ClearBuffer();
                continue;
            }

            EnsureCapacity(_buffered + head.Length);
            head.CopyTo(_buffer.AsSpan(_buffered));
            var line = Complete(_buffer.AsSpan(0, _buffered + head.Length));
            ClearBuffer();
            results.Add(line);
        }
    }

    /// <summary>
    /// Takes the buffered unterminated line as a complete message, as if a newline had arrived. A trailing CR is
    /// removed, and if the next chunk then starts with the LF of that CRLF, the LF is skipped rather than read as an
    /// empty line. Also ends the discarding of an over-long line, since the caller has declared the message over.
    /// </summary>
    /// <param name="result">The line, or the error it produces (too long, invalid UTF-8 such as a sequence cut short).</param>
    /// <returns>False, leaving <paramref name="result"/> default, when nothing is buffered.</returns>
    public bool TryTakePartial(out FrameResult<string> result)
    {
        _discarding = false;
        if (_buffered == 0)
        {
            result = default;
            return false;
        }

        _swallowLf = _buffer[_buffered - 1] == Cr;
        result = Complete(_buffer.AsSpan(0, _buffered));
        ClearBuffer();
        return true;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _discarding = false;
        _swallowLf = false;
        _buffered = 0;
        _buffer = [];
    }

    private void Buffer(ReadOnlySpan<byte> tail, ICollection<FrameResult<string>> results)
    {
        if (_discarding)
        {
            return;
        }

        // One byte beyond the limit is kept because it may be the CR of a CRLF that is split across chunks.
        if ((long)_buffered + tail.Length > MaxLineLength + 1L)
        {
            results.Add(FrameResult<string>.Failure(FrameError.LineTooLong));
            ClearBuffer();
            _discarding = true;
            return;
        }

        EnsureCapacity(_buffered + tail.Length);
        tail.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += tail.Length;
    }

    private FrameResult<string> Complete(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == Cr)
        {
            line = line[..^1];
        }

        if (line.Length > MaxLineLength)
        {
            return FrameResult<string>.Failure(FrameError.LineTooLong);
        }

        if (_invalidUtf8 == InvalidUtf8Handling.Reject && !Utf8.IsValid(line))
        {
            return FrameResult<string>.Failure(FrameError.InvalidUtf8);
        }

        return FrameResult<string>.Success(line.IsEmpty ? string.Empty : Encoding.UTF8.GetString(line));
    }

    private void EnsureCapacity(int needed)
    {
        if (_buffer.Length >= needed)
        {
            return;
        }

        var size = Math.Max(_buffer.Length * 2, InitialBufferBytes);
        size = Math.Min(Math.Max(size, needed), MaxLineLength + 1);
        var grown = new byte[size];
        _buffer.AsSpan(0, _buffered).CopyTo(grown);
        _buffer = grown;
    }

    private void ClearBuffer()
    {
        _buffered = 0;
        if (_buffer.Length > RetainedBufferBytes)
        {
            _buffer = [];
        }
    }
}
