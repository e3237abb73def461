using System.Buffers;
using System.Text.Unicode;
using Akka.IO;

namespace ActorSockets.Protocols.Text;

/// <summary>UTF-8 helpers for replies that must fit a size limit, such as a datagram.</summary>
public static class Utf8Text
{
    /// <summary>
    /// Encodes <paramref name="text"/> as UTF-8, keeping at most <paramref name="maxBytes"/> bytes. The cut falls
    /// between characters, never inside one; lone surrogates become U+FFFD.
    /// </summary>
    public static ByteString EncodeTruncated(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var buffer = new byte[Math.Min(maxBytes, text.Length * 3)];
        var status = Utf8.FromUtf16(text, buffer, out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
        return status is OperationStatus.Done or OperationStatus.DestinationTooSmall
            ? ByteString.FromBytes(buffer, 0, written)
            : ByteString.Empty;
    }
}
