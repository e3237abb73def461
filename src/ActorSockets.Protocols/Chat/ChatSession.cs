using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Chat;

/// <summary>
/// One chat member: the session actor of a chat connection. It turns the member's lines into commands for its
/// room and the registry, and writes what the chat sends it through a bounded outbound queue.
/// </summary>
/// <remarks>
/// <para>Writing is ack-based: one <see cref="Tcp.Write"/> is in flight at a time, carrying up to
/// <see cref="ChatSettings.MaxMessagesPerWrite"/> queued lines; the next goes out when the connection
/// acknowledges it. Lines arriving meanwhile wait in the member's queue, bounded by
/// <see cref="ChatSettings.OutboundMaxMessages"/> and <see cref="ChatSettings.OutboundMaxBytes"/>. A member
/// whose queue would overflow has stopped reading: it is reset at once (RST frees the kernel's buffers) and the
/// room is told it was dropped. So no room and no other member ever waits on it.</para>
/// <para>Input is flood-controlled: a member's lines are handled at most <see cref="ChatSettings.LinesPerSecond"/>
/// on average after a burst of <see cref="ChatSettings.LineBurst"/>; lines beyond it wait (at most what one read
/// holds) while no further read from the member's socket is asked for, so a flooder only fills its own TCP window and never
/// the room's mailbox.</para>
/// <para>Leaving (<c>/quit</c>, idle timeout, peer close, server shutdown) tells the registry why, flushes the
/// queue (the last line is usually a goodbye), then closes; a queue that will not drain within the close
/// timeout ends in an abort.</para>
/// </remarks>
public sealed partial class ChatSession : TcpSession, IWithUnboundedStash, IWithTimers
{
    private readonly IActorRef _registry;
    private readonly ChatSettings _settings;
    private readonly ChatInputDecoder _decoder;
    private readonly List<FrameResult<string>> _lines = [];
    private readonly Queue<ByteString> _outbound = new();
    private long _outboundBytes;
    private bool _writing;
    private bool _leaving;
    private bool _leaveHandled;
    private string? _farewell;
    private IActorRef _room = ActorRefs.Nobody;

    /// <summary>Creates the session.</summary>
    /// <param name="connection">The connection actor.</param>
    /// <param name="registry">The endpoint's <see cref="ChatRegistry"/>.</param>
    /// <param name="settings">The chat's limits and timeouts.</param>
    public ChatSession(IActorRef connection, IActorRef registry, ChatSettings settings)
        : base(connection, new SessionTimeouts(settings?.IdleTimeout, settings?.CloseTimeout))
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(settings);
        _registry = registry;
        _settings = settings;
        _decoder = new ChatInputDecoder(settings.MaxLineLength);
        _lineTokens = settings.LineBurst;
        _lineTokensAt = System.Diagnostics.Stopwatch.GetTimestamp();
        Joining();
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of a session for <paramref name="connection"/>.</summary>
    public static Props CreateProps(IActorRef connection, IActorRef registry, ChatSettings settings) =>
        ActorProps.Of(() => new ChatSession(connection, registry, settings));

    /// <inheritdoc />
    protected override void PreStart()
    {
        base.PreStart();
        _registry.Tell(ChatRegistry.Connect.Instance, Self);
    }

    /// <inheritdoc />
    protected override void OnIdle() => LeaveAndClose(LeaveReason.Timeout, ChatFormat.IdleTimeout());

    /// <inheritdoc />
    protected override void OnServerShutdown() => LeaveAndClose(LeaveReason.ServerShutdown, ChatFormat.ServerShuttingDown());

    /// <inheritdoc />
    protected override void OnPeerClosed()
    {
        // The peer has finished sending: what it sent is said now, flood control or not (at most one read's worth).
        while (_pendingLines.Count > 0)
        {
            Handle(_pendingLines.Dequeue());
        }

        if (_decoder.TryTakePartial(out var last))
        {
            Handle(last);
        }

        LeaveAndClose(LeaveReason.Disconnected, farewell: null);
    }

    /// <inheritdoc />
    protected override void OnCommandFailed(Tcp.CommandFailed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (failed.Cmd is Tcp.Write)
        {
            Drop();
        }
    }

    /// <summary>Waiting for the registry to name us and put us in a room; input waits in the stash.</summary>
    private void Joining()
    {
        Receive<ChatRoom.Joined>(joined =>
        {
            OnJoined(joined);
            Stash.UnstashAll();
            Become(Chatting);
        });
        Receive<Tcp.Received>(_ => Stash.Stash());
        Receive<Tcp.PeerClosed>(_ => Stash.Stash());
        ReceiveOutput();
        ReceiveConnectionEvents();
    }

    private void Chatting()
    {
        Receive<Tcp.Received>(received =>
        {
            CountReceived(received);
            _decoder.Decode(received.Data, _lines);
            foreach (var line in _lines)
            {
                _pendingLines.Enqueue(line);
            }

            _lines.Clear();
            HandlePendingLines();
        });
        Receive<FloodPauseOver>(_ => HandlePendingLines());
        Receive<ChatRoom.Joined>(OnJoined);
        ReceiveOutput();
        ReceiveConnectionEvents();
    }

    private void ReceiveOutput()
    {
        Receive<Deliver>(deliver =>
        {
            // Until the chat has acknowledged our leave, answers still arrive that the member asked for.
            if (!_leaving || !_leaveHandled)
            {
                Enqueue(deliver.Data);
            }
        });
        Receive<ChatRoom.LeaveHandled>(_ =>
        {
            if (!_leaving || _leaveHandled)
            {
                return;
            }

            _leaveHandled = true;
            if (_farewell is not null)
            {
                Enqueue(ChatFormat.Encode(_farewell));
            }

            CloseIfDrained();
        });
        Receive<WriteAck>(_ => OnWriteAcknowledged());
        Receive<DrainTimedOut>(_ =>
        {
            ChatSessionLog.DrainTimedOut(Log, Self.Path.Name);
            AbortConnection();
        });
    }

    private void OnJoined(ChatRoom.Joined joined)
    {
        _room = joined.RoomRef;
        Enqueue(ChatFormat.Encode(joined.OnConnect
            ? ChatFormat.Greeting(joined.Nick, joined.Room)
            : ChatFormat.YouJoined(joined.Room, joined.MemberCount)));
    }

    private void Handle(FrameResult<string> line)
    {
        if (_leaving)
        {
            return;
        }

        if (!line.IsFrame)
        {
            Enqueue(ChatFormat.Encode(ChatFormat.FrameError(line.Error, _decoder.MaxLineLength)));
            return;
        }

        switch (ChatCommand.Parse(line.Frame!))
        {
            case ChatCommand.Say say:
                _room.Tell(new ChatRoom.Say(say.Text), Self);
                break;
            case ChatCommand.Me me:
                _room.Tell(new ChatRoom.Act(me.Action), Self);
                break;
            case ChatCommand.Who:
                _room.Tell(ChatRoom.Who.Instance, Self);
                break;
            case ChatCommand.Nick nick:
                _registry.Tell(new ChatRegistry.ChangeNick(nick.Name), Self);
                break;
            case ChatCommand.PrivateMessage message:
                _registry.Tell(new ChatRegistry.SendPrivate(message.Recipient, message.Text), Self);
                break;
            case ChatCommand.Join join:
                _registry.Tell(new ChatRegistry.JoinRoom(join.Room), Self);
                break;
            case ChatCommand.Rooms:
                _registry.Tell(ChatRegistry.ListRooms.Instance, Self);
                break;
            case ChatCommand.Help:
                Enqueue(ChatFormat.Encode(ChatFormat.Help()));
                break;
            case ChatCommand.Quit:
                LeaveAndClose(LeaveReason.Quit, ChatFormat.Goodbye());
                break;
            case ChatCommand.Invalid invalid:
                Enqueue(ChatFormat.Encode(ChatFormat.Error(invalid.Reason)));
                break;
            default:
                break;
        }
    }

    /// <summary>Tells the registry why we go, writes <paramref name="farewell"/>, and closes once the queue is flushed.</summary>
    private void LeaveAndClose(LeaveReason reason, string? farewell)
    {
        if (_leaving || IsClosing)
        {
            return;
        }

        // The farewell waits for the chat's acknowledgement (ChatRoom.LeaveHandled), so it comes after the
        // answers to what the member sent before leaving, and the connection closes only after both.
        _farewell = farewell;
        _leaving = true;
        _pendingLines.Clear();
        _registry.Tell(new ChatRegistry.Leave(reason), Self);
        ChatSessionLog.Leaving(Log, Self.Path.Name, ChatFormat.Describe(reason));
        Context.SetReceiveTimeout(null);
        if (!IsClosing)
        {
            Timers.StartSingleTimer(DrainTimedOut.Instance, DrainTimedOut.Instance, _settings.CloseTimeout);
            CloseIfDrained();
        }
    }

    /// <summary>The member is not reading: reset it without waiting, and tell the room.</summary>
    private void Drop()
    {
        if (IsClosing)
        {
            return;
        }

        if (!_leaving)
        {
            _leaving = true;
            _registry.Tell(new ChatRegistry.Leave(LeaveReason.Dropped), Self);
        }

        ChatSessionLog.Dropped(Log, Self.Path.Name, _outbound.Count, _outboundBytes);
        _outbound.Clear();
        _outboundBytes = 0;
        AbortConnection();
    }

    private void Enqueue(ByteString data)
    {
        if (IsClosing)
        {
            return;
        }

        if (_outbound.Count >= _settings.OutboundMaxMessages || _outboundBytes + data.Count > _settings.OutboundMaxBytes)
        {
            Drop();
            return;
        }

        _outbound.Enqueue(data);
        _outboundBytes += data.Count;
        if (!_writing)
        {
            WriteNext();
        }
    }

    private void OnWriteAcknowledged()
    {
        _writing = false;
        if (_outbound.Count > 0)
        {
            WriteNext();
        }
        else
        {
            CloseIfDrained();
        }
    }

    private void WriteNext()
    {
        var count = Math.Min(_outbound.Count, _settings.MaxMessagesPerWrite);
        ByteString data;
        if (count == 1)
        {
            data = _outbound.Dequeue();
        }
        else
        {
            data = _outbound.Dequeue();
            for (var i = 1; i < count; i++)
            {
                data = data.Concat(_outbound.Dequeue());
            }
        }

        _outboundBytes -= data.Count;
        _writing = true;
        Write(data, WriteAck.Instance);
    }

    private void CloseIfDrained()
    {
        if (_leaving && _leaveHandled && !_writing && _outbound.Count == 0 && !IsClosing)
        {
            Timers.Cancel(DrainTimedOut.Instance);
            CloseConnection();
        }
    }

    /// <summary>The acknowledgement of our writes; not input, so it does not reset the idle timeout.</summary>
    internal sealed class WriteAck : Tcp.Event, INotInfluenceReceiveTimeout
    {
        private WriteAck()
        {
        }

        public static WriteAck Instance { get; } = new();
    }

    /// <summary>The outbound queue did not drain within the close timeout after the member left.</summary>
    private sealed record DrainTimedOut
    {
        public static DrainTimedOut Instance { get; } = new();
    }
}
