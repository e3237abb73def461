using System.Buffers;
using System.Globalization;
using System.Text;

namespace ActorSockets.IO;

/// <summary>
/// An immutable sequence of bytes, the payload type of <c>Tcp.Received</c>, <c>Tcp.Write</c> and the UDP
/// messages. It is a view over a contiguous region of an array that nobody mutates after construction,
/// so slicing is free and instances can be shared between actors without copying.
/// </summary>
/// <remarks>
/// Unlike Akka.NET's rope-shaped ByteString this one is always contiguous: <see cref="Span"/> and
/// <see cref="Memory"/> are O(1), while <see cref="Concat(ByteString)"/> copies both halves. Equality
/// compares content, so two instances holding the same bytes are equal whatever arrays back them.
/// </remarks>
public sealed class ByteString : IEquatable<ByteString>
{
    /// <summary>The number of bytes <see cref="ToString()"/> shows before it truncates.</summary>
    private const int DebugPreviewBytes = 32;

    private readonly byte[] _array;
    private readonly int _offset;

    private ByteString(byte[] array, int offset, int count)
    {
        _array = array;
        _offset = offset;
        Count = count;
    }

    /// <summary>The empty byte string. Every empty result returns this instance.</summary>
    public static ByteString Empty { get; } = new([], 0, 0);

    /// <summary>The number of bytes.</summary>
    public int Count { get; }

    /// <summary>Whether <see cref="Count"/> is zero.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The bytes as a read-only span; no copy is made.</summary>
    public ReadOnlySpan<byte> Span => new(_array, _offset, Count);

    /// <summary>The bytes as read-only memory, for asynchronous socket calls; no copy is made.</summary>
    public ReadOnlyMemory<byte> Memory => new(_array, _offset, Count);

    /// <summary>Gets the byte at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or not below <see cref="Count"/>.</exception>
    public byte this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _array[_offset + index];
        }
    }

    /// <summary>Creates a byte string holding a copy of <paramref name="bytes"/>.</summary>
    public static ByteString FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? Empty : new ByteString(bytes.ToArray(), 0, bytes.Length);

    /// <summary>
    /// Wraps a region of <paramref name="array"/> without copying it. Ownership of that region passes to the
    /// byte string: the caller must never write to it again (nor return the array to a pool), or every holder
    /// of the byte string sees its content change.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The region lies outside the array.</exception>
    public static ByteString FromArrayUnsafe(byte[] array, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, array.Length - offset);
        return count == 0 ? Empty : new ByteString(array, offset, count);
    }

    /// <summary>Wraps all of <paramref name="array"/> without copying; see <see cref="FromArrayUnsafe(byte[], int, int)"/>.</summary>
    public static ByteString FromArrayUnsafe(byte[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return FromArrayUnsafe(array, 0, array.Length);
    }

    /// <summary>Encodes <paramref name="text"/> with <paramref name="encoding"/> (UTF-8 when null, without a byte order mark).</summary>
    public static ByteString FromString(string text, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return Empty;
        }

        var bytes = (encoding ?? Encoding.UTF8).GetBytes(text);
        return new ByteString(bytes, 0, bytes.Length);
    }

    /// <summary>Returns the bytes from <paramref name="start"/> to the end, sharing this instance's storage.</summary>
    public ByteString Slice(int start) => Slice(start, Count - start);

    /// <summary>Returns <paramref name="length"/> bytes from <paramref name="start"/>, sharing this instance's storage.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range lies outside this byte string.</exception>
    public ByteString Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Count - start);
        if (length == Count)
        {
            return this;
        }

        return length == 0 ? Empty : new ByteString(_array, _offset + start, length);
    }

    /// <summary>Returns this byte string followed by <paramref name="other"/>; copies both unless one is empty.</summary>
    public ByteString Concat(ByteString other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var joined = new byte[Count + other.Count];
        Span.CopyTo(joined);
        other.Span.CopyTo(joined.AsSpan(Count));
        return new ByteString(joined, 0, joined.Length);
    }

    /// <summary>
    /// Joins <paramref name="parts"/> into one byte string with a single copy, e.g. to coalesce queued writes into
    /// one send. Returns <see cref="Empty"/> for no bytes, and the part itself when only one part is non-empty.
    /// </summary>
    public static ByteString Concat(params ReadOnlySpan<ByteString> parts)
    {
        long total = 0;
        ByteString? single = null;
        var nonEmpty = 0;
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            if (!part.IsEmpty)
            {
                total += part.Count;
                single = part;
                nonEmpty++;
            }
        }

        if (nonEmpty <= 1)
        {
            return single ?? Empty;
        }

        if (total > Array.MaxLength)
        {
            throw new ArgumentException("The parts together exceed the largest possible array.", nameof(parts));
        }

        var joined = new byte[total];
        var at = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(joined.AsSpan(at));
            at += part.Count;
        }

        return new ByteString(joined, 0, joined.Length);
    }

    /// <summary>Concatenates two byte strings; see <see cref="Concat(ByteString)"/>.</summary>
    public static ByteString operator +(ByteString left, ByteString right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Concat(right);
    }

    /// <summary>Concatenates two byte strings; the named alternative to <c>operator +</c>.</summary>
    public static ByteString Add(ByteString left, ByteString right) => left + right;

    /// <summary>Returns the index of the first occurrence of <paramref name="value"/>, or -1.</summary>
    public int IndexOf(byte value) => Span.IndexOf(value);

    /// <summary>Whether this byte string begins with <paramref name="prefix"/>.</summary>
    public bool StartsWith(ReadOnlySpan<byte> prefix) => Span.StartsWith(prefix);

    /// <summary>Copies the bytes into <paramref name="destination"/>, which must be at least <see cref="Count"/> long.</summary>
    public void CopyTo(Span<byte> destination) => Span.CopyTo(destination);

    /// <summary>Returns a new array holding a copy of the bytes.</summary>
    public byte[] ToArray() => Span.ToArray();

    /// <summary>Decodes the bytes with <paramref name="encoding"/>; invalid sequences follow the encoding's fallback.</summary>
    public string ToString(Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding.GetString(Span);
    }

    /// <summary>Decodes the bytes as UTF-8, replacing invalid sequences with U+FFFD.</summary>
    public string DecodeString() => Encoding.UTF8.GetString(Span);

    /// <summary>Whether <paramref name="other"/> holds the same bytes.</summary>
    public bool Equals(ByteString? other) =>
        other is not null && (ReferenceEquals(this, other) || Span.SequenceEqual(other.Span));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ByteString);

    /// <summary>A hash of the content, consistent with <see cref="Equals(ByteString)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    /// <summary>Compares two byte strings by content.</summary>
    public static bool operator ==(ByteString? left, ByteString? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two byte strings by content.</summary>
    public static bool operator !=(ByteString? left, ByteString? right) => !(left == right);

    /// <summary>
    /// A debugging view: the length, the first 32 bytes in hex and, when those bytes are printable ASCII,
    /// the text, e.g. <c>ByteString(5 bytes: 68 65 6C 6C 6F "hello")</c>. Longer content ends in <c>...</c>.
    /// </summary>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return "ByteString(0 bytes)";
        }

        var preview = Span[..Math.Min(Count, DebugPreviewBytes)];
        var truncated = preview.Length < Count;
        var builder = new StringBuilder(24 + (preview.Length * 4));
        builder.Append("ByteString(").Append(Count.ToString(CultureInfo.InvariantCulture))
            .Append(Count == 1 ? " byte: " : " bytes: ");
        for (var i = 0; i < preview.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(preview[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        if (truncated)
        {
            builder.Append(" ...");
        }

        if (preview.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0)
        {
            builder.Append(" \"").Append(Encoding.ASCII.GetString(preview)).Append(truncated ? "...\"" : "\"");
        }

        return builder.Append(')').ToString();
    }

    /// <summary>Writes the bytes to <paramref name="writer"/> without an intermediate copy.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Span);
    }
}
