using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Text;
using Akka.IO;

namespace ActorSockets.Protocols.Chat;

/// <summary>
/// The chat's input pipeline in one decoder: telnet commands are removed from the bytes
/// (<see cref="TelnetFilter"/>), the rest is split into lines (<see cref="LineFramer"/>, LF or CRLF, bounded,
/// invalid UTF-8 rejected) and each line is sanitized (<see cref="TextSanitizer"/>). The frames it yields are
/// ready for <see cref="ChatCommand.Parse"/>; its errors are ready for <see cref="ChatFormat.FrameError"/>.
/// </summary>
public sealed class ChatInputDecoder : IFrameDecoder<string>
{
    /// <summary>The default maximum line length for chat: 1024 bytes.</summary>
    public const int DefaultMaxLineLength = 1024;

    private readonly TelnetFilter _telnet = new();
    private readonly LineFramer _lines;
    private readonly List<FrameResult<string>> _scratch = [];

    /// <summary>Creates the decoder.</summary>
    /// <param name="maxLineLength">The endpoint's <c>max-line-length</c> in bytes. Defaults to 1024.</param>
    public ChatInputDecoder(int maxLineLength = DefaultMaxLineLength)
    {
        _lines = new LineFramer(maxLineLength, InvalidUtf8Handling.Reject);
    }

    /// <summary>The longest accepted line in bytes.</summary>
    public int MaxLineLength => _lines.MaxLineLength;

    /// <summary>Whether an unterminated line or an unfinished telnet command is pending.</summary>
    public bool HasPartial => _lines.HasPartial || _telnet.InCommand;

    /// <inheritdoc />
    public void Decode(ByteString chunk, ICollection<FrameResult<string>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        _lines.Decode(_telnet.Filter(chunk), _scratch);
        foreach (var result in _scratch)
        {
            results.Add(Sanitize(result));
        }

        _scratch.Clear();
    }

    /// <summary>Takes the unterminated remainder as a line, e.g. when the peer half-closes; see <see cref="LineFramer.TryTakePartial"/>.</summary>
    public bool TryTakePartial(out FrameResult<string> result)
    {
        if (_lines.TryTakePartial(out var raw))
        {
            result = Sanitize(raw);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _telnet.Reset();
        _lines.Reset();
    }

    private static FrameResult<string> Sanitize(FrameResult<string> result) =>
        result.IsFrame ? FrameResult<string>.Success(TextSanitizer.Sanitize(result.Frame!)) : result;
}
