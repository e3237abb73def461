using System.Buffers.Binary;
using ActorSockets.Protocols.Framing.Internal;
using Akka.IO;

namespace ActorSockets.Protocols.Framing;

/// <summary>
/// The framing of Java's <c>DataOutputStream.writeUTF</c> / <c>DataInputStream.readUTF</c>: a two-byte
/// big-endian length followed by that many bytes of modified UTF-8 (U+0000 as C0 80, supplementary characters
/// as two 3-byte surrogates). A frame holds at most 65535 bytes.
/// </summary>
/// <remarks>
/// The decoder accepts exactly what <c>readUTF</c> accepts. A frame whose bytes <c>readUTF</c> would reject
/// yields <see cref="FrameError.MalformedModifiedUtf8"/>; a length above the configured maximum yields
/// <see cref="FrameError.FrameTooLong"/> and the announced payload is skipped without being buffered. Either way
/// the stream stays in sync and decoding continues with the next frame. A frame that arrives whole inside one
/// chunk is decoded straight from the chunk; otherwise its payload is gathered in a buffer of exactly its length.
/// </remarks>
public sealed class WriteUtfFramer : IFrameDecoder<string>
{
    /// <summary>The protocol's limit on a frame's payload in bytes: 65535.</summary>
    public const int MaxFrameLength = ushort.MaxValue;

    private readonly int _maxFrameLength;
    private int _header;
    private int _headerCount;
    private int _expected = -1;
    private byte[] _payload = [];
    private int _buffered;
    private int _skipRemaining;

    /// <summary>Creates a decoder.</summary>
    /// <param name="maxFrameLength">The largest accepted payload in bytes, at most 65535. Defaults to 65535.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFrameLength"/> is negative or above 65535.</exception>
    public WriteUtfFramer(int maxFrameLength = MaxFrameLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFrameLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxFrameLength, MaxFrameLength);
        _maxFrameLength = maxFrameLength;
    }

    /// <summary>Whether part of a frame (length, payload or a skipped payload) is pending.</summary>
    public bool HasPartial => _headerCount > 0 || _expected >= 0 || _skipRemaining > 0;

    /// <summary>Whether <paramref name="text"/> fits in one frame, as <c>writeUTF</c> would check.</summary>
    public static bool CanEncode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ModifiedUtf8.GetByteCount(text) <= MaxFrameLength;
    }

    /// <summary>Encodes <paramref name="text"/> as one frame, or returns false when it needs more than 65535 bytes.</summary>
    public static bool TryEncode(string text, out ByteString frame)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = ModifiedUtf8.GetByteCount(text);
        if (length > MaxFrameLength)
        {
            frame = ByteString.Empty;
            return false;
        }

        var bytes = new byte[2 + length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)length);
        ModifiedUtf8.Encode(text, bytes.AsSpan(2));
        frame = ByteString.FromBytes(bytes);
        return true;
    }

    /// <summary>Encodes <paramref name="text"/> as one frame.</summary>
    /// <exception cref="ArgumentException">The text needs more than 65535 bytes (Java throws <c>UTFDataFormatException</c>).</exception>
    public static ByteString Encode(string text)
    {
        if (!TryEncode(text, out var frame))
        {
            throw new ArgumentException("The text needs more than 65535 bytes of modified UTF-8.", nameof(text));
        }

        return frame;
    }

    /// <inheritdoc />
    public void Decode(ByteString chunk, ICollection<FrameResult<string>> results)
    {
        ArgumentNullException.ThrowIfNull(chunk);

        // A chunk from a connection is one buffer, viewed without a copy; only a concatenated ByteString is copied.
        Decode(chunk.ToReadOnlySpan(), results);
    }

    /// <summary>Consumes <paramref name="chunk"/> and appends each completed frame or error to <paramref name="results"/>.</summary>
    public void Decode(ReadOnlySpan<byte> chunk, ICollection<FrameResult<string>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        while (!chunk.IsEmpty)
        {
            if (_skipRemaining > 0)
            {
                var skipped = Math.Min(_skipRemaining, chunk.Length);
                _skipRemaining -= skipped;
                chunk = chunk[skipped..];
            }
            else if (_expected < 0)
            {
                _header = (_header << 8) | chunk[0];
                chunk = chunk[1..];
                if (++_headerCount == 2)
                {
                    StartFrame(_header, results);
                    _header = 0;
                    _headerCount = 0;
                }
            }
            else if (_buffered == 0 && chunk.Length >= _expected)
            {
                results.Add(DecodePayload(chunk[.._expected]));
                chunk = chunk[_expected..];
                _expected = -1;
            }
            else
            {
                if (_payload.Length < _expected)
                {
                    _payload = new byte[_expected];
                }

                var taken = Math.Min(_expected - _buffered, chunk.Length);
                chunk[..taken].CopyTo(_payload.AsSpan(_buffered));
                _buffered += taken;
                chunk = chunk[taken..];
                if (_buffered == _expected)
                {
                    results.Add(DecodePayload(_payload.AsSpan(0, _expected)));
                    _expected = -1;
                    _buffered = 0;
                    _payload = [];
                }
            }
        }
    }

    /// <summary>
    /// Takes the bytes of an unfinished frame, length prefix included, as UTF-8 text (invalid sequences become
    /// U+FFFD, a trailing CR/LF is removed), and resets the decoder. This lets a session answer a client that does
    /// not speak <c>writeUTF</c> at all, such as <c>nc</c> sending <c>hello</c>: its first two bytes read as a large
    /// length and the frame never completes, so after an idle delay the session can treat what arrived as plain text.
    /// </summary>
    /// <returns>False when no frame is in progress, or when the pending frame is one being skipped as too long.</returns>
    public bool TryTakePartialAsText(out string text)
    {
        if ((_headerCount == 0 && _expected < 0) || _skipRemaining > 0)
        {
            text = string.Empty;
            return false;
        }

        var bytes = new byte[2 + _buffered];
        var length = 0;
        if (_headerCount == 1)
        {
            bytes[length++] = (byte)_header;
        }
        else
        {
            bytes[length++] = (byte)(_expected >> 8);
            bytes[length++] = (byte)_expected;
            _payload.AsSpan(0, _buffered).CopyTo(bytes.AsSpan(length));
            length += _buffered;
        }

        text = System.Text.Encoding.UTF8.GetString(bytes, 0, length).TrimEnd('\r', '\n');
        Reset();
        return true;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _header = 0;
        _headerCount = 0;
        _expected = -1;
        _payload = [];
        _buffered = 0;
        _skipRemaining = 0;
    }

    private static FrameResult<string> DecodePayload(ReadOnlySpan<byte> payload) =>
        ModifiedUtf8.TryDecode(payload, out var text)
            ? FrameResult<string>.Success(text)
            : FrameResult<string>.Failure(FrameError.MalformedModifiedUtf8);

    private void StartFrame(int length, ICollection<FrameResult<string>> results)
    {
        if (length > _maxFrameLength)
        {
            results.Add(FrameResult<string>.Failure(FrameError.FrameTooLong));
            _skipRemaining = length;
        }
        else if (length == 0)
        {
            results.Add(FrameResult<string>.Success(string.Empty));
        }
        else
        {
            _expected = length;
        }
    }
}
