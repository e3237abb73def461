using System.Text;
using ActorSockets.Protocols.Text;
using Akka.IO;

namespace ActorSockets.Protocols.UdpTime;

/// <summary>
/// The <c>udp-time</c> protocol from the tutorial's time server: a datagram holds a <c>strftime</c> format
/// (UTF-8) and the answer is the server's local time in that format (see <see cref="Strftime"/>); an empty
/// datagram means <c>%Y-%m-%d %X</c>.
/// </summary>
/// <remarks>
/// For <c>nc -u</c> users, a trailing LF or CRLF is not part of the format: it is removed before formatting and
/// put back after, so a bare Enter asks for the default format and each answer ends the line as the question did.
/// A datagram that is not valid UTF-8 is answered with an <c>error: ...</c> datagram. Every answer fits in
/// <see cref="MaxReplyBytes"/> bytes. Instances are immutable and safe to share between actors.
/// </remarks>
public sealed class UdpTimeCodec
{
    /// <summary>The default bound on an answer's size in bytes: 1024, the tutorial client's <c>recvfrom(1024)</c>.</summary>
    public const int DefaultMaxReplyBytes = 1024;

    private static readonly ByteString InvalidUtf8Reply = ByteString.FromString("error: the format is not valid UTF-8");

    private readonly TimeProvider _time;
    private readonly string? _zoneName;

    /// <summary>Creates the codec.</summary>
    /// <param name="time">The clock and local time zone. Defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="maxReplyBytes">The largest answer in bytes. Defaults to 1024.</param>
    /// <param name="zoneName">What <c>%Z</c> prints. Defaults to the numeric form described on <see cref="Strftime"/>.</param>
    public UdpTimeCodec(TimeProvider? time = null, int maxReplyBytes = DefaultMaxReplyBytes, string? zoneName = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReplyBytes, 1);
        _time = time ?? TimeProvider.System;
        _zoneName = zoneName;
        MaxReplyBytes = maxReplyBytes;
    }

    /// <summary>The largest answer in bytes.</summary>
    public int MaxReplyBytes { get; }

    /// <summary>Returns the answer datagram to <paramref name="datagram"/> for the current local time.</summary>
    public ByteString Reply(ByteString datagram)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        if (!System.Text.Unicode.Utf8.IsValid(datagram.ToReadOnlySpan()))
        {
            return InvalidUtf8Reply;
        }

        return Utf8Text.EncodeTruncated(ReplyText(System.Text.Encoding.UTF8.GetString(datagram.ToReadOnlySpan()), _time.GetLocalNow()), MaxReplyBytes);
    }

    /// <summary>Returns the answer text to the request <paramref name="request"/> at <paramref name="localTime"/>.</summary>
    public string ReplyText(string request, DateTimeOffset localTime)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ending = request.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n"
            : request.EndsWith('\n') ? "\n"
            : string.Empty;
        var format = request[..^ending.Length];
        if (format.Length == 0)
        {
            format = Strftime.DefaultFormat;
        }

        var text = Strftime.Format(format, localTime, _zoneName, MaxReplyBytes);
        return ending.Length == 0 ? text : new StringBuilder(text.Length + 2).Append(text).Append(ending).ToString();
    }
}
