using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace ActorSockets.LoadTool.Internal;

/// <summary>
/// One connection's (or one connect-storm worker's) loop. Counters are written only by the worker itself and read
/// by the monitor with volatile reads, so the hot path takes no lock and no interlocked operation except the latency
/// record. The monitor may abort a worker whose reply is overdue; the worker then sees its socket disposed and does
/// not count that failure a second time.
/// </summary>
internal abstract class LoadWorker
{
    private readonly byte[] _sent;
    private readonly byte[] _received;
    private long _operations;
    private long _bytesVerified;
    private long _waitingSince;
    private int _abortedForTimeout;
    private Socket? _socket;

    protected LoadWorker(LoadRun run, int id, int messagesPerRoundTrip)
    {
        Run = run;
        Id = id;
        _sent = new byte[run.Options.Size * messagesPerRoundTrip];
        _received = new byte[_sent.Length];
    }

    public long Operations => Volatile.Read(ref _operations);

    public long BytesVerified => Volatile.Read(ref _bytesVerified);

    protected LoadRun Run { get; }

    protected int Id { get; }

    /// <summary>Sets the socket the monitor aborts; a full fence, so a stop that comes after it sees it.</summary>
    protected Socket? CurrentSocket
    {
        set => Interlocked.Exchange(ref _socket, value);
    }

    public abstract Task RunAsync();

    /// <summary>Called once the run stops; idle connections close at once, busy ones finish their round trip.</summary>
    public virtual void OnStopping()
    {
    }

    /// <summary>Closes the current socket, failing whatever operation is pending on it.</summary>
    public void Abort() => Volatile.Read(ref _socket)?.Dispose();

    /// <summary>Aborts the connection when a reply has been awaited longer than the reply timeout.</summary>
    public void AbortIfOverdue(long nowTimestamp, long timeoutTicks)
    {
        var since = Volatile.Read(ref _waitingSince);
        if (since != 0 && nowTimestamp - since > timeoutTicks && Interlocked.Exchange(ref _abortedForTimeout, 1) == 0)
        {
            Run.RecordError(LoadErrorKind.ReplyTimeout, $"no reply within {Run.Options.ReplyTimeout.TotalSeconds:0.###} s");
            Abort();
        }
    }

    protected void Completed(long operations, long bytesVerified)
    {
        Volatile.Write(ref _operations, _operations + operations);
        Volatile.Write(ref _bytesVerified, _bytesVerified + bytesVerified);
    }

    /// <summary>Counts a failure unless the run is stopping (then failures are expected) or it was counted already.</summary>
    protected void Fail(Exception error)
    {
        if (Interlocked.Exchange(ref _abortedForTimeout, 0) == 1 || Run.Stopping)
        {
            return;
        }

        var kind = error switch
        {
            PeerClosedException => LoadErrorKind.PeerClosed,
            SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }
                => LoadErrorKind.Reset,
            SocketException { SocketErrorCode: SocketError.TimedOut } => LoadErrorKind.ReplyTimeout,
            _ => LoadErrorKind.Other,
        };
        Run.RecordError(kind, $"{error.GetType().Name}: {error.Message}");
    }

    /// <summary>
    /// Sends <paramref name="messages"/> fresh messages back to back, reads until all their bytes are echoed, and
    /// compares every byte. When <paramref name="measure"/> is set, each message's latency (from the send to the
    /// arrival of its last byte) is recorded and the messages count as operations.
    /// </summary>
    /// <returns>False when the echo differed from what was sent (counted as mismatches).</returns>
    /// <exception cref="PeerClosedException">The peer closed before echoing everything.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // a round trip always awaits: reuse its state box
    protected async ValueTask<bool> RoundTripAsync(Socket socket, int messages, ulong firstMessage, bool measure)
    {
        var size = Run.Options.Size;
        var total = size * messages;
        for (var i = 0; i < messages; i++)
        {
            MessagePattern.Fill(_sent.AsSpan(i * size, size), MessagePattern.Seed(Id, firstMessage + (ulong)i));
        }

        var start = Stopwatch.GetTimestamp();
        Volatile.Write(ref _waitingSince, start);
        var sent = 0;
        while (sent < total)
        {
            sent += await socket.SendAsync(_sent.AsMemory(sent, total - sent), SocketFlags.None);
        }

        var received = 0;
        var nextMessageEnd = size;
        while (received < total)
        {
            var read = await socket.ReceiveAsync(_received.AsMemory(received, total - received), SocketFlags.None);
            if (read == 0)
            {
                throw new PeerClosedException();
            }

            received += read;
            if (measure && received >= nextMessageEnd)
            {
                var latency = LoadRun.ElapsedNanoseconds(start);
                for (; nextMessageEnd <= received; nextMessageEnd += size)
                {
                    Run.RecordLatency(Id, latency);
                }
            }
        }

        Volatile.Write(ref _waitingSince, 0);
        if (!_received.AsSpan(0, total).SequenceEqual(_sent.AsSpan(0, total)))
        {
            for (var i = 0; i < messages; i++)
            {
                if (!_received.AsSpan(i * size, size).SequenceEqual(_sent.AsSpan(i * size, size)))
                {
                    Run.RecordError(LoadErrorKind.Mismatch, $"connection {Id}: message {firstMessage + (ulong)i} came back different");
                }
            }

            return false;
        }

        Completed(measure ? messages : 0, total);
        return true;
    }
}
