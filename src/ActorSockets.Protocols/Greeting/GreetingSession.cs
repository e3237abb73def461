using System.Net;
using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Internal;
using ActorSockets.Protocols.Text;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Greeting;

/// <summary>
/// The session of the <c>greeting</c> protocol: it reads one <c>writeUTF</c> string, answers with the greeting
/// naming the server's local address in the same framing, and closes, as the Java tutorial's server does.
/// </summary>
/// <remarks>
/// A client that does not speak <c>writeUTF</c> (<c>nc</c> typing <c>hello</c>) never completes a frame: its
/// first two bytes read as a large length. When an unfinished frame has waited <c>plain-text-after</c>, or the
/// peer half-closes, what arrived is taken as the client's string and answered the same way. A frame the
/// decoder rejects (malformed modified UTF-8, too long) still counts as the client's message: the tutorial
/// answers whatever was said.
/// </remarks>
public sealed class GreetingSession : TcpSession, IWithTimers
{
    private readonly GreetingCodec _codec;
    private readonly EndPoint _localAddress;
    private readonly TimeSpan? _plainTextAfter;
    private readonly WriteUtfFramer _framer = GreetingCodec.CreateFramer();
    private readonly List<FrameResult<string>> _frames = [];

    /// <summary>Creates the session.</summary>
    /// <param name="connection">The connection actor.</param>
    /// <param name="codec">The greeting texts.</param>
    /// <param name="localAddress">The connection's local address, named in the answer.</param>
    /// <param name="plainTextAfter">How long an unfinished frame waits before it is read as plain text; null waits for a whole frame.</param>
    /// <param name="timeouts">The idle and close timeouts.</param>
    public GreetingSession(IActorRef connection, GreetingCodec codec, EndPoint localAddress, TimeSpan? plainTextAfter, SessionTimeouts timeouts)
        : base(connection, timeouts)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(localAddress);
        _codec = codec;
        _localAddress = localAddress;
        _plainTextAfter = plainTextAfter;
        WaitingForString();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of a session for <paramref name="connection"/>.</summary>
    public static Props CreateProps(IActorRef connection, GreetingCodec codec, EndPoint localAddress, TimeSpan? plainTextAfter, SessionTimeouts timeouts) =>
        ActorProps.Of(() => new GreetingSession(connection, codec, localAddress, plainTextAfter, timeouts));

    /// <inheritdoc />
    protected override void OnPeerClosed()
    {
        if (_framer.TryTakePartialAsText(out var text))
        {
            Answer(text);
        }
        else
        {
            CloseConnection();
        }
    }

    private void WaitingForString()
    {
        Receive<Tcp.Received>(received =>
        {
            CountReceived(received);
            _framer.Decode(received.Data, _frames);
            if (_frames.Count > 0)
            {
                var first = _frames[0];
                _frames.Clear();
                Answer(first.IsFrame ? first.Frame! : $"({FrameErrorText.Describe(first.Error, WriteUtfFramer.MaxFrameLength)})");
            }
            else if (_framer.HasPartial && _plainTextAfter is { } delay && !Timers.IsTimerActive(PlainTextDue.Instance))
            {
                Timers.StartSingleTimer(PlainTextDue.Instance, PlainTextDue.Instance, delay);
            }
        });
        Receive<PlainTextDue>(_ =>
        {
            if (_framer.TryTakePartialAsText(out var text))
            {
                Answer(text);
            }
        });
        ReceiveConnectionEvents();
    }

    private void Answer(string clientText)
    {
        GreetingLog.Received(Log, Self.Path.Name, LogSafe.Escape(clientText));
        Timers.Cancel(PlainTextDue.Instance);
        Write(_codec.Reply(_localAddress));
        CloseConnection();
    }

    /// <summary>The unfinished frame has waited long enough to be read as plain text.</summary>
    private sealed record PlainTextDue
    {
        public static PlainTextDue Instance { get; } = new();
    }
}
