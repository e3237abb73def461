using System.Diagnostics;
using ActorSockets.Protocols.Internal;
using Akka.Actor;
using Akka.Event;
using Akka.IO;

namespace ActorSockets.Protocols;

/// <summary>
/// The base of every TCP session actor: one instance per connection, registered as the connection's
/// handler. It holds what all protocols share, so each protocol's session only says what it does with
/// input: writing to the connection, closing it with a flush and waiting for the close to finish
/// (<c>Closing</c>), stopping on close events, and giving up on a peer that does not read.
/// </summary>
/// <remarks>
/// <para>A session never stops right after asking its connection to close: the connection watches its
/// handler and shuts the socket down when the handler dies, and that death notice would overtake the
/// pending writes. So closing is a behaviour that waits for the connection's close event (at most
/// <see cref="EndpointSettings.CloseTimeout"/>) and only then stops.</para>
/// <para>Writes are ack-based, whichever manager the connection belongs to: Akka's own TCP connection
/// queues writes without a limit while one is being sent, so the session keeps at most one
/// <see cref="Tcp.Write"/> in flight and holds the rest in its own queue, bounded by
/// <see cref="MaxQueuedWrites"/> and <see cref="MaxQueuedBytes"/>. A peer that stops reading while still
/// sending fills that queue (or gets a write refused, <see cref="Tcp.CommandFailed"/>), and the connection is
/// aborted rather than buffered without end. Closing hands what is queued to the connection in one last
/// write before the close, so nothing written is lost.</para>
/// <para>Reading is pulled: endpoints bind in pull mode, the session asks for its first read when it starts and
/// for each next one after handling a <see cref="Tcp.Received"/>, and a session that must slow a peer down (the
/// chat's flood control) simply stops asking. <see cref="Tcp.SuspendReading"/> is not used: Akka 1.5's
/// connection drops a read that completes while reading is suspended, and then never reads again.</para>
/// </remarks>
public abstract class TcpSession : ReceiveActor
{
    private readonly TimeSpan? _idleTimeout;
    private readonly TimeSpan _closeTimeout;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly Queue<ByteString> _queued = new();
    private long _queuedBytes;
    private bool _writing;
    private bool _readingPaused;
    private long _bytesIn;
    private long _bytesOut;

    /// <summary>Creates the session for <paramref name="connection"/>.</summary>
    /// <param name="connection">The connection actor (the sender of <see cref="Tcp.Connected"/>).</param>
    /// <param name="timeouts">The endpoint's idle and close timeouts.</param>
    protected TcpSession(IActorRef connection, SessionTimeouts timeouts)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(timeouts);
        Connection = connection;
        _idleTimeout = timeouts.Idle;
        _closeTimeout = timeouts.Close > TimeSpan.Zero ? timeouts.Close : TimeSpan.FromSeconds(5);
    }

    /// <summary>The connection actor this session writes to.</summary>
    protected IActorRef Connection { get; }

    /// <summary>The session's logger.</summary>
    protected ILoggingAdapter Log { get; } = Context.GetLogger();

    /// <summary>How many writes may wait behind the one in flight before the peer counts as not reading. Defaults to 1000.</summary>
    protected virtual int MaxQueuedWrites => 1000;

    /// <summary>How many bytes may wait behind the write in flight before the peer counts as not reading. Defaults to 1 MiB.</summary>
    protected virtual long MaxQueuedBytes => 1024 * 1024;

    /// <summary>Whether <see cref="CloseConnection"/> or <see cref="AbortConnection"/> has been called.</summary>
    protected bool IsClosing { get; private set; }

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.Watch(Connection);
        if (_idleTimeout is { } idle)
        {
            Context.SetReceiveTimeout(idle);
        }

        // The session registers itself, so the connection has its handler before anything else the session sends
        // (a write or a read request that overtook the listener's Register would be buffered or lost). The endpoint
        // binds in pull mode: nothing is read until the session asks (see the remarks).
        Connection.Tell(new Tcp.Register(Self, keepOpenOnPeerClosed: true), Self);
        Connection.Tell(Tcp.ResumeReading.Instance, Self);
        base.PreStart();
    }

    /// <summary>After each <see cref="Tcp.Received"/> the next read is asked for, unless reading is paused or the session is closing.</summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        var handled = base.AroundReceive(receive, message);
        if (message is Tcp.Received && !_readingPaused && !IsClosing)
        {
            Connection.Tell(Tcp.ResumeReading.Instance, Self);
        }

        return handled;
    }

    /// <summary>Asks for no further reads until <see cref="ResumeReading"/>: the peer's own TCP window fills instead.</summary>
    protected void PauseReading() => _readingPaused = true;

    /// <summary>Ends <see cref="PauseReading"/>, asking the connection for the next read.</summary>
    protected void ResumeReading()
    {
        if (_readingPaused)
        {
            _readingPaused = false;
            if (!IsClosing)
            {
                Connection.Tell(Tcp.ResumeReading.Instance, Self);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="data"/> to the connection through the session's bounded queue (see the remarks);
    /// nothing is sent for empty data, nor once the session is closing. A full queue aborts the connection.
    /// </summary>
    protected void Write(ByteString data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.IsEmpty || IsClosing)
        {
            return;
        }

        if (!_writing)
        {
            SendWithAck(data);
            return;
        }

        if (_queued.Count >= MaxQueuedWrites || _queuedBytes + data.Count > MaxQueuedBytes)
        {
            TcpSessionLog.OutboundFull(Log, Self.Path.Name, _queued.Count, _queuedBytes);
            AbortConnection();
            return;
        }

        _queued.Enqueue(data);
        _queuedBytes += data.Count;
    }

    /// <summary>
    /// Writes <paramref name="data"/> to the connection asking for <paramref name="ack"/> once the kernel has it,
    /// bypassing the session's queue: for a session that keeps its own bounded queue and one write in flight.
    /// </summary>
    protected void Write(ByteString data, Tcp.Event ack)
    {
        ArgumentNullException.ThrowIfNull(data);
        Connection.Tell(Tcp.Write.Create(data, ack), Self);
        _bytesOut += data.Count;
    }

    /// <summary>Counts input for the close log line; each protocol calls it for every <see cref="Tcp.Received"/> it handles.</summary>
    protected void CountReceived(Tcp.Received received)
    {
        ArgumentNullException.ThrowIfNull(received);
        _bytesIn += received.Data.Count;
    }

    /// <summary>Logs the session's traffic and duration (the accept line carries the same session name and the remote endpoint).</summary>
    protected override void PostStop()
    {
        TcpSessionLog.Closed(Log, Self.Path.Name, _bytesIn, _bytesOut, Stopwatch.GetElapsedTime(_startedAt));
        base.PostStop();
    }

    /// <summary>
    /// Asks the connection to send what was written, then FIN, and waits for it to close (see the remarks);
    /// input that arrives meanwhile is ignored.
    /// </summary>
    protected void CloseConnection()
    {
        if (IsClosing)
        {
            return;
        }

        IsClosing = true;
        FlushQueue();
        Connection.Tell(Tcp.Close.Instance, Self);
        Context.SetReceiveTimeout(_closeTimeout);
        Become(Closing);
    }

    /// <summary>Resets the connection (RST, pending writes dropped) and stops once it is gone.</summary>
    protected void AbortConnection()
    {
        if (IsClosing)
        {
            return;
        }

        IsClosing = true;
        _queued.Clear();
        _queuedBytes = 0;
        Connection.Tell(Tcp.Abort.Instance, Self);
        Context.SetReceiveTimeout(_closeTimeout);
        Become(Closing);
    }

    /// <summary>
    /// Registers the handlers every open session has: close events, refused writes, the connection's
    /// death, the idle timeout and <see cref="ServerShutdown"/>. Call it last in each open behaviour, after
    /// the protocol's own handlers.
    /// </summary>
    protected void ReceiveConnectionEvents()
    {
        Receive<SessionWriteAck>(_ => OnSessionWriteAck());
        Receive<Tcp.PeerClosed>(_ => OnPeerClosed());
        Receive<Tcp.ConnectionClosed>(OnConnectionClosed);
        Receive<Tcp.CommandFailed>(OnCommandFailed);
        Receive<Terminated>(OnTerminated);
        Receive<ReceiveTimeout>(_ => OnIdle());
        Receive<ServerShutdown>(_ => OnServerShutdown());
    }

    /// <summary>Nothing arrived for the endpoint's idle timeout. By default the session closes the connection.</summary>
    protected virtual void OnIdle() => CloseConnection();

    /// <summary>The peer closed its sending side. By default the session closes the connection (flushing what was written).</summary>
    protected virtual void OnPeerClosed() => CloseConnection();

    /// <summary>The server is shutting down. By default the session closes the connection (flushing what was written).</summary>
    protected virtual void OnServerShutdown() => CloseConnection();

    /// <summary>The connection closed (closed, aborted, reset, failed). By default the session stops.</summary>
    protected virtual void OnConnectionClosed(Tcp.ConnectionClosed closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        if (closed.IsErrorClosed)
        {
            TcpSessionLog.ConnectionFailed(Log, Self.Path.Name, closed.Cause ?? "unknown error");
        }

        Context.Stop(Self);
    }

    /// <summary>A command was refused. For a write this means the peer is not reading: the connection is aborted.</summary>
    protected virtual void OnCommandFailed(Tcp.CommandFailed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (failed.Cmd is Tcp.Write)
        {
            TcpSessionLog.WriteRefused(Log, Self.Path.Name);
            AbortConnection();
        }
    }

    /// <summary>A watched actor stopped. When it is the connection the session stops too; other actors are the subclass's business.</summary>
    protected virtual void OnTerminated(Terminated terminated)
    {
        ArgumentNullException.ThrowIfNull(terminated);
        if (terminated.ActorRef.Equals(Connection))
        {
            Context.Stop(Self);
        }
    }

    private void SendWithAck(ByteString data)
    {
        _writing = true;
        _bytesOut += data.Count;
        Connection.Tell(Tcp.Write.Create(data, SessionWriteAck.Instance), Self);
    }

    private void OnSessionWriteAck()
    {
        _writing = false;
        if (_queued.Count > 0 && !IsClosing)
        {
            var data = TakeQueued();
            SendWithAck(data);
        }
    }

    /// <summary>Closing: what is queued goes to the connection in one write ahead of the close, which Akka.IO flushes first.</summary>
    private void FlushQueue()
    {
        if (_queued.Count > 0)
        {
            var data = TakeQueued();
            _bytesOut += data.Count;
            Connection.Tell(Tcp.Write.Create(data), Self);
        }
    }

    private ByteString TakeQueued()
    {
        var data = _queued.Dequeue();
        while (_queued.Count > 0)
        {
            data = data.Concat(_queued.Dequeue());
        }

        _queuedBytes = 0;
        return data;
    }

    /// <summary>Waiting for the connection to finish closing; everything else is ignored.</summary>
    private void Closing()
    {
        // The peer's half-close is not the end of our close: stopping now would make the connection drop what it
        // is still flushing, so only a final close event (or the close timeout) ends the session.
        Receive<Tcp.PeerClosed>(_ => { });
        Receive<Tcp.ConnectionClosed>(_ => Context.Stop(Self));
        Receive<SessionWriteAck>(_ => _writing = false);
        Receive<Terminated>(OnTerminated);
        Receive<ReceiveTimeout>(_ =>
        {
            TcpSessionLog.CloseTimedOut(Log, Self.Path.Name, _closeTimeout);
            Context.Stop(Self);
        });
        ReceiveAny(_ => { });
    }
}
