using System.Diagnostics;
using ActorSockets.Actors;
using ActorSockets.IO;
using ActorSockets.Protocols.Internal;
using Microsoft.Extensions.Logging;

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
/// <para>Writes are fire-and-forget: the connection's write queue is bounded, and a write it refuses
/// (<see cref="Tcp.CommandFailed"/>) means the peer has stopped reading while still sending, so the
/// connection is aborted rather than buffered without end.</para>
/// </remarks>
public abstract class TcpSession : ReceiveActor
{
    private readonly TimeSpan? _idleTimeout;
    private readonly TimeSpan _closeTimeout;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
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

        base.PreStart();
    }

    /// <summary>Writes <paramref name="data"/> to the connection, without acknowledgement; nothing is sent for empty data.</summary>
    protected void Write(ByteString data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.IsEmpty)
        {
            Connection.Tell(new Tcp.Write(data), Self);
            _bytesOut += data.Count;
        }
    }

    /// <summary>Writes <paramref name="data"/> to the connection asking for <paramref name="ack"/> once the kernel has it.</summary>
    protected void Write(ByteString data, Tcp.Event ack)
    {
        ArgumentNullException.ThrowIfNull(data);
        Connection.Tell(new Tcp.Write(data, ack), Self);
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
        TcpSessionLog.Closed(Context.Log, Self.Path.Name, _bytesIn, _bytesOut, Stopwatch.GetElapsedTime(_startedAt));
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
            TcpSessionLog.ConnectionFailed(Context.Log, Self.Path.Name, closed.Cause ?? "unknown error");
        }

        Context.Stop(Self);
    }

    /// <summary>A command was refused. For a write this means the peer is not reading: the connection is aborted.</summary>
    protected virtual void OnCommandFailed(Tcp.CommandFailed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (failed.Cmd is Tcp.Write)
        {
            TcpSessionLog.WriteRefused(Context.Log, Self.Path.Name);
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

    /// <summary>Waiting for the connection to finish closing; everything else is ignored.</summary>
    private void Closing()
    {
        // The peer's half-close is not the end of our close: stopping now would make the connection drop what it
        // is still flushing, so only a final close event (or the close timeout) ends the session.
        Receive<Tcp.PeerClosed>(_ => { });
        Receive<Tcp.ConnectionClosed>(_ => Context.Stop(Self));
        Receive<Terminated>(OnTerminated);
        Receive<ReceiveTimeout>(_ =>
        {
            TcpSessionLog.CloseTimedOut(Context.Log, Self.Path.Name, _closeTimeout);
            Context.Stop(Self);
        });
        ReceiveAny(_ => { });
    }
}
