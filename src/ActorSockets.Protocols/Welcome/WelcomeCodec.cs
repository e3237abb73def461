using System.Text;
using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Text;
using Akka.IO;

namespace ActorSockets.Protocols.Welcome;

/// <summary>
/// The <c>welcome</c> protocol: every line (LF or CRLF; an unterminated single read also counts, see
/// <see cref="LineFramer.TryTakePartial"/>) is answered with <c>欢迎访问&gt;&gt;&gt;&gt;</c> + the line + CRLF,
/// in UTF-8. Framing errors are answered with an <c>error: ...</c> line instead.
/// Instances are immutable and safe to share between sessions.
/// </summary>
public sealed class WelcomeCodec
{
    /// <summary>The default text put before each echoed line: <c>欢迎访问&gt;&gt;&gt;&gt;</c>.</summary>
    public const string DefaultPrefix = "欢迎访问>>>>";

    private readonly byte[] _prefix;

    /// <summary>Creates the codec.</summary>
    /// <param name="prefix">The text put before each echoed line. Defaults to <c>欢迎访问&gt;&gt;&gt;&gt;</c>.</param>
    public WelcomeCodec(string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Prefix = prefix;
        _prefix = Encoding.UTF8.GetBytes(prefix);
    }

    /// <summary>A codec with the tutorial's text.</summary>
    public static WelcomeCodec Default { get; } = new();

    /// <summary>The text put before each echoed line.</summary>
    public string Prefix { get; }

    /// <summary>Creates the framer a session uses.</summary>
    /// <param name="maxLineLength">The endpoint's <c>max-line-length</c>.</param>
    public static LineFramer CreateFramer(int maxLineLength = LineFramer.DefaultMaxLineLength) => new(maxLineLength);

    /// <summary>Returns the answer to <paramref name="line"/>: prefix + line + CRLF, in UTF-8, built in one allocation.</summary>
    public ByteString Reply(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var lineBytes = Encoding.UTF8.GetByteCount(line);
        var bytes = new byte[_prefix.Length + lineBytes + 2];
        _prefix.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(line, bytes.AsSpan(_prefix.Length));
        bytes[^2] = (byte)'\r';
        bytes[^1] = (byte)'\n';
        return ByteString.FromBytes(bytes);
    }

    /// <summary>Returns the answer to a framing error, e.g. <c>error: line too long (max 4096 bytes)</c> + CRLF.</summary>
    /// <param name="error">The framer's error.</param>
    /// <param name="maxLineLength">The endpoint's <c>max-line-length</c>, named in the message.</param>
    public static ByteString ErrorReply(FrameError error, int maxLineLength) =>
        LineFramer.Encode("error: " + FrameErrorText.Describe(error, maxLineLength));
}
