using System.Net.Sockets;
using Akka.IO;
using Akka.Actor;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The socket engine behind one TCP connection actor. The actor calls in (reading control,
/// <see cref="TrySend"/>, the close methods) from its own turn; completions come back to it as messages
/// posted to it, so the engine never reads or writes actor state.
/// </summary>
/// <remarks>
/// <para>Reads: one loop per connection takes a permit per read (granted by the actor: push mode re-arms
/// itself, pull mode gets one per <see cref="Tcp.ResumeReading"/>). Before reading it waits for readability
/// with a zero-byte receive, so an idle connection holds no buffer at all; then it reads once, without
/// blocking, into a buffer rented from the shared pool, copies exactly the bytes read into a fresh array for
/// <see cref="Tcp.Received"/> and returns the buffer at once. No pooled memory ever escapes. When a read fills
/// the buffer, more data is probably waiting, so the next read skips the readability wait. The loop is a plain
/// method continued by the socket's completion, not an async method: an idle connection keeps no task, state
/// machine box or signal object alive.</para>
/// <para>Data goes straight to the registered handler, with the connection actor as sender, saving a
/// mailbox hop per read; in push mode the loop re-arms itself after each delivery, in pull mode it waits
/// for the next grant. End-of-stream and failures go to the connection actor, after every byte read
/// before them was delivered, so the handler always sees data before the close event. Closing stops
/// delivery first (<see cref="StopDelivering"/>), so no data can reach the handler after a close event.</para>
/// <para>Writes: a write is first tried synchronously on the non-blocking socket; that is the common case
/// and costs no allocation and no message. Whatever the kernel did not take goes out on an async slow
/// path that loops until the whole write is sent and then tells the actor.</para>
/// </remarks>
internal sealed partial class TcpChannel : IDisposable, IThreadPoolWorkItem
{
    private const int DeliveryOpen = 0;
    private const int DeliveryBusy = 1;
    private const int DeliveryStopped = 2;

    /// <summary>Reads in a row, with data always ready, after which the loop running on a socket completion yields its thread.</summary>
    private const int MaxReadsWithoutYield = 16;

    /// <summary>
    /// Reads the loop makes when the owner's turn wakes it (starting, resuming, a pull-mode grant) before it moves
    /// to the pool: the owner's turn runs on a dispatcher thread that other actors are waiting for, so it must not
    /// do a long stretch of a connection's reading.
    /// </summary>
    private const int ReadsInTheOwnersTurn = 1;

    /// <summary><see cref="_readPermits"/> while the read loop is parked for want of a permit.</summary>
    private const int ReadLoopParked = -1;

    /// <summary><see cref="_readPermits"/> once the channel is disposed: no read starts any more.</summary>
    private const int ReadingClosed = int.MinValue;

    private readonly Socket _socket;
    private readonly ICanTell _owner;
    private readonly IActorRef? _self;
    private readonly int _readSize;
    private ICanTell? _reader;
    private volatile bool _autoRead;
    private int _deliveryState;
    private int _disposed;

    // The read loop's state. _readPermits is shared (compare-and-swap only); the rest belongs to whichever
    // thread currently runs the loop, handed over by parking on _readPermits or by a socket completion.
    private int _readPermits;
    private bool _holdingPermit;
    private bool _dataMayBeWaiting;
    private ReadableWait? _readableWait;

    /// <summary>Set by the read loop when it read end-of-stream; it never reads again after that.</summary>
    private volatile bool _endOfStream;

    /// <summary>While the rest of a write is being sent asynchronously.</summary>
    private volatile bool _sendInFlight;

    /// <param name="socket">The connected socket; the channel owns it from now on.</param>
    /// <param name="owner">The connection actor, told every completion.</param>
    /// <param name="self">The sender of completions and of delivered data: the connection actor's ref (null in tests).</param>
    /// <param name="readSize">The most bytes one read takes.</param>
    public TcpChannel(Socket socket, ICanTell owner, IActorRef? self, int readSize)
    {
        _socket = socket;
        _owner = owner;
        _self = self;
        _readSize = readSize;

        // The engine's synchronous calls must never block a pool thread; async calls are unaffected.
        _socket.Blocking = false;
    }

    public Socket Socket => _socket;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// Starts reading for <paramref name="reader"/>, which gets every <see cref="Tcp.Received"/> with the
    /// connection actor as sender. Push mode reads continuously (until <see cref="SuspendReading"/>);
    /// pull mode reads once per <see cref="ResumeReading"/>. Call once, from the owner.
    /// </summary>
    public void StartReading(ICanTell reader, bool push, bool suspended)
    {
        // Created here, on the owner's thread, rather than by the loop: Release (also the owner's) then
        // always sees it, so a wait can never be created after the channel was released and be left to the GC.
        _readableWait = new ReadableWait(this);
        _reader = reader;
        _autoRead = push && !suspended;
        if (_autoRead)
        {
            EnsureOnePermit();
        }

        RunReads(ReadsInTheOwnersTurn);
    }

    /// <summary>Push mode: stops reading after the read in flight, if any.</summary>
    public void SuspendReading() => _autoRead = false;

    /// <summary>Push mode: reads continuously again. Pull mode: allows exactly one more read.</summary>
    public void ResumeReading(bool push)
    {
        if (push)
        {
            _autoRead = true;
            EnsureOnePermit();
        }
        else
        {
            GrantPermit();
        }
    }

    /// <summary>Reads and delivers until end-of-stream regardless of mode: a confirmed close waits for the peer's FIN.</summary>
    public void ReadUntilEndOfStream() => ResumeReading(push: true);

    /// <summary>
    /// Hands <paramref name="data"/> to the kernel. Returns true when it was taken whole at once; otherwise
    /// the rest is sent asynchronously and the owner later gets <see cref="ChannelSendCompleted"/> or
    /// <see cref="ChannelFailed"/>.
    /// </summary>
    public bool TrySend(ByteString data)
    {
        int sent;
        SocketError error;
        ReadOnlySpan<byte> bytes = data.ToReadOnlySpan();
        try
        {
            sent = _socket.Send(bytes, SocketFlags.None, out error);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        if (error == SocketError.Success && sent == bytes.Length)
        {
            return true;
        }

        if (error is not (SocketError.Success or SocketError.WouldBlock))
        {
            Report(new SocketException((int)error), duringWrite: true);
            return false;
        }

        _sendInFlight = true;
        // The slow path copies what the kernel did not take: a ByteString's memory cannot be lent to an async send.
        _ = SendRemainderAsync(bytes[sent..].ToArray());
        return false;
    }

    /// <summary>Sends FIN: the peer reads end-of-stream, this side can still read.</summary>
    public void ShutdownOutput()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The connection is already gone; the read side reports how.
        }
    }

    /// <summary>
    /// Guarantees that no <see cref="Tcp.Received"/> reaches the reader after this returns. A delivery in
    /// progress on the read loop's thread (a mailbox enqueue) is waited for; this prevents the race where
    /// the handler would see data after the close event the owner is about to send.
    /// </summary>
    public void StopDelivering()
    {
        var spin = default(SpinWait);
        while (true)
        {
            int state = Interlocked.CompareExchange(ref _deliveryState, DeliveryStopped, DeliveryOpen);
            if (state != DeliveryBusy)
            {
                return;
            }

            spin.SpinOnce();
        }
    }

    /// <summary>Closes with RST instead of FIN and drops whatever is unsent in the kernel.</summary>
    public void Abort()
    {
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closing below is all that matters.
        }

        Release(graceful: false);
    }

    /// <summary>
    /// Releases the socket and ends the read loop, with FIN. Safe to call more than once, from any path.
    /// </summary>
    public void Dispose() => Release(graceful: true);

    private void Release(bool graceful)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        StopDelivering();
        Interlocked.Exchange(ref _readPermits, ReadingClosed);
        if (graceful && (!_endOfStream || _sendInFlight))
        {
            // .NET closes a socket abortively (RST) when an operation is still pending on it, as the
            // zero-byte receive of an idle connection always is, unless it was shut down first. Once the
            // loop has read end-of-stream and no send is in flight nothing is pending, and closing sends
            // FIN by itself.
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Not connected any more: there is nothing to shut down gracefully.
            }
        }

        _socket.Dispose();

        // Safe with a receive still pending: the arguments are then freed when it completes (aborted).
        _readableWait?.Dispose();
    }

    private async Task SendRemainderAsync(ReadOnlyMemory<byte> remaining)
    {
        try
        {
            while (!remaining.IsEmpty)
            {
                int sent = await _socket.SendAsync(remaining, SocketFlags.None).ConfigureAwait(false);
                remaining = remaining[sent..];
            }

            _sendInFlight = false;
            Post(ChannelSendCompleted.Instance);
        }
        catch (Exception e)
        {
            Report(e, duringWrite: true);
        }
    }

    private void Post(object message)
    {
        if (!IsDisposed)
        {
            _owner.Tell(message, _self);
        }
    }

    private void Report(Exception error, bool duringWrite) =>
        Post(new ChannelFailed(SocketErrors.Classify(error), error, duringWrite));
}
