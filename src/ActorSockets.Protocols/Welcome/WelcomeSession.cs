using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Welcome;

/// <summary>
/// The session of the <c>welcome</c> protocol: each line is answered with the prefix, the line and CRLF. A read
/// that does not end in a newline is a line too (the tutorial client sends one <c>send()</c> and waits), so the
/// replies to one read go out in one write as soon as the read arrives. Over-long and non-UTF-8 lines get an
/// <c>error: ...</c> line instead.
/// </summary>
public sealed class WelcomeSession : TcpSession
{
    private readonly WelcomeCodec _codec;
    private readonly LineFramer _framer;
    private readonly List<FrameResult<string>> _lines = [];
    private readonly List<ByteString> _replies = [];

    /// <summary>Creates the session.</summary>
    /// <param name="connection">The connection actor.</param>
    /// <param name="codec">The reply prefix.</param>
    /// <param name="maxLineLength">The endpoint's <c>max-line-length</c> in bytes.</param>
    /// <param name="timeouts">The idle and close timeouts.</param>
    public WelcomeSession(IActorRef connection, WelcomeCodec codec, int maxLineLength, SessionTimeouts timeouts)
        : base(connection, timeouts)
    {
        ArgumentNullException.ThrowIfNull(codec);
        _codec = codec;
        _framer = WelcomeCodec.CreateFramer(maxLineLength);
        Answering();
    }

    /// <summary>The props of a session for <paramref name="connection"/>.</summary>
    public static Props CreateProps(IActorRef connection, WelcomeCodec codec, int maxLineLength, SessionTimeouts timeouts) =>
        ActorProps.Of(() => new WelcomeSession(connection, codec, maxLineLength, timeouts));

    private void Answering()
    {
        Receive<Tcp.Received>(received =>
        {
            CountReceived(received);
            _framer.Decode(received.Data, _lines);
            if (_framer.TryTakePartial(out var partial))
            {
                _lines.Add(partial);
            }

            foreach (var line in _lines)
            {
                _replies.Add(line.IsFrame
                    ? _codec.Reply(line.Frame!)
                    : WelcomeCodec.ErrorReply(line.Error, _framer.MaxLineLength));
            }

            _lines.Clear();
            if (_replies.Count > 0)
            {
                var all = ByteString.Empty;
                foreach (var reply in _replies)
                {
                    all = all.Concat(reply);
                }

                Write(all);
                _replies.Clear();
            }
        });
        ReceiveConnectionEvents();
    }
}
