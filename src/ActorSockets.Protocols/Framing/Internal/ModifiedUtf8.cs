using System.Buffers;

namespace ActorSockets.Protocols.Framing.Internal;

/// <summary>
/// Java's "modified UTF-8", the text encoding of <c>DataOutputStream.writeUTF</c>: every UTF-16 code unit is
/// encoded on its own (so a supplementary character is two 3-byte surrogates, never one 4-byte sequence) and
/// U+0000 is the two bytes C0 80, so an encoded string never holds a zero byte.
/// </summary>
internal static class ModifiedUtf8
{
    /// <summary>The number of bytes <paramref name="text"/> takes, as a long so an overflow cannot hide.</summary>
    public static long GetByteCount(ReadOnlySpan<char> text)
    {
        long count = 0;
        foreach (var c in text)
        {
            count += c is >= '\u0001' and <= '\u007F' ? 1 : c <= '\u07FF' ? 2 : 3;
        }

        return count;
    }

    /// <summary>Encodes <paramref name="text"/> into <paramref name="destination"/>, which must be exactly large enough.</summary>
    public static void Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var at = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0001' and <= '\u007F')
            {
                destination[at++] = (byte)c;
            }
            else if (c <= '\u07FF')
            {
                destination[at++] = (byte)(0xC0 | (c >> 6));
                destination[at++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                destination[at++] = (byte)(0xE0 | (c >> 12));
                destination[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                destination[at++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> accepting exactly what Java's <c>DataInputStream.readUTF</c> accepts:
    /// one-byte forms 00-7F, two-byte forms 110xxxxx 10xxxxxx (overlong ones included, as C0 80 is NUL) and
    /// three-byte forms 1110xxxx 10xxxxxx 10xxxxxx (lone surrogates included). Anything else, including a
    /// sequence cut off by the end of the frame, is malformed.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        if (bytes.IsEmpty)
        {
            text = string.Empty;
            return true;
        }

        char[]? rented = null;
        var chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : (rented = ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            var written = 0;
            var i = 0;
            while (i < bytes.Length)
            {
                int b = bytes[i];
                switch (b >> 4)
                {
                    case <= 7:
                        chars[written++] = (char)b;
                        i++;
                        break;
                    case 12 or 13:
                        if (i + 1 >= bytes.Length || !IsContinuation(bytes[i + 1]))
                        {
                            text = string.Empty;
                            return false;
                        }

                        chars[written++] = (char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                        i += 2;
                        break;
                    case 14:
                        if (i + 2 >= bytes.Length || !IsContinuation(bytes[i + 1]) || !IsContinuation(bytes[i + 2]))
                        {
                            text = string.Empty;
                            return false;
                        }

                        chars[written++] = (char)(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                        i += 3;
                        break;
                    default:
                        text = string.Empty;
                        return false;
                }
            }

            text = new string(chars[..written]);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;
}
