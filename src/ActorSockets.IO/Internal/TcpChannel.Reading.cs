using System.Buffers;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.IO.Internal;

/// <summary>The read loop of <see cref="TcpChannel"/>: permits, the readability wait, one read at a time and delivery.</summary>
internal sealed partial class TcpChannel
{
    /// <summary>A permit for one more read, waking the parked loop on this thread. Ignored once closed.</summary>
    private void GrantPermit()
    {
        while (true)
        {
            int permits = Volatile.Read(ref _readPermits);
            if (permits == ReadingClosed)
            {
                return;
            }

            if (permits == ReadLoopParked)
            {
                if (Interlocked.CompareExchange(ref _readPermits, 0, ReadLoopParked) == ReadLoopParked)
                {
                    _holdingPermit = true;
                    RunReads(ReadsInTheOwnersTurn);
                    return;
                }

                continue;
            }

            int next = permits == int.MaxValue ? permits : permits + 1;
            if (Interlocked.CompareExchange(ref _readPermits, next, permits) == permits)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Push mode's re-arming: at least one permit, never more than one banked, so a later suspension lets at
    /// most one read through. Wakes the parked loop on this thread.
    /// </summary>
    private void EnsureOnePermit()
    {
        while (true)
        {
            int permits = Volatile.Read(ref _readPermits);
            if (permits == ReadingClosed || permits > 0)
            {
                return;
            }

            if (permits == ReadLoopParked)
            {
                if (Interlocked.CompareExchange(ref _readPermits, 0, ReadLoopParked) == ReadLoopParked)
                {
                    _holdingPermit = true;
                    RunReads(ReadsInTheOwnersTurn);
                    return;
                }

                continue;
            }

            if (Interlocked.CompareExchange(ref _readPermits, 1, 0) == 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Takes a permit, or parks the loop (false) so that the next grant runs it. Lost wake-up prevented: parking
    /// is a compare-and-swap from zero, so a grant either lands before it (and is taken) or sees the loop parked.
    /// </summary>
    private bool TryTakePermit()
    {
        while (true)
        {
            int permits = Volatile.Read(ref _readPermits);
            if (permits == ReadingClosed)
            {
                return false;
            }

            int next = permits > 0 ? permits - 1 : ReadLoopParked;
            if (Interlocked.CompareExchange(ref _readPermits, next, permits) == permits)
            {
                return permits > 0;
            }
        }
    }

    /// <summary>
    /// The read loop, without an async state machine: an idle connection keeps no task, box or continuation
    /// beyond its reusable receive arguments. It runs on whichever thread hands it the turn: the granting actor (through
    /// <see cref="GrantPermit"/> or <see cref="EnsureOnePermit"/>), a socket completion, or the thread pool after
    /// a yield. It stops when parked for want of a permit, waiting for readability, or at the end of the stream;
    /// after parking or registering the socket continuation it touches no field, since another thread may
    /// already be running it.
    /// </summary>
    /// <param name="maxReads">
    /// How many reads this call may make before handing the loop to the thread pool: <see cref="MaxReadsWithoutYield"/>
    /// on a socket completion's thread, <see cref="ReadsInTheOwnersTurn"/> in an actor's turn.
    /// </param>
    private void RunReads(int maxReads)
    {
        int reads = 0;
        try
        {
            while (true)
            {
                if (!_holdingPermit)
                {
                    if (!TryTakePermit())
                    {
                        return;
                    }

                    _holdingPermit = true;
                }

                if (!_dataMayBeWaiting)
                {
                    // Wait for readability with a zero-byte receive, so the idle wait holds no buffer. Once it
                    // returns true the completion may already be running the loop on another thread.
                    ReadableWait wait = _readableWait!;
                    if (_socket.ReceiveAsync(wait))
                    {
                        return;
                    }

                    wait.ThrowIfFailed();
                }

                if (reads == maxReads)
                {
                    // Data is ready but this call's reads are spent: a peer that sends as fast as we read must not
                    // hold this thread (possibly an actor's turn that woke the loop) for ever. The pool carries
                    // on, with the permit; nothing here is touched after queueing.
                    _dataMayBeWaiting = true;
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                    return;
                }

                object? completion = ReadOnce(out _dataMayBeWaiting);
                if (completion is null)
                {
                    // Readable after all but nothing there: wait again, on the same permit.
                    continue;
                }

                _holdingPermit = false;
                if (completion is not Tcp.Received received)
                {
                    Post(completion);
                    return;
                }

                Deliver(received);
                reads++;
                if (_autoRead)
                {
                    EnsureOnePermit();
                }
            }
        }
        catch (Exception e)
        {
            Report(e, duringWrite: false);
        }
    }

    /// <summary>
    /// The socket became readable (or failed): the loop continues on the completing thread, which delivers to the
    /// handler's mailbox directly (Akka then schedules the handler on its dispatcher).
    /// </summary>
    private void OnReadable(ReadableWait wait)
    {
        try
        {
            wait.ThrowIfFailed();
        }
        catch (SocketException e)
        {
            Report(e, duringWrite: false);
            return;
        }

        _dataMayBeWaiting = true;
        RunReads(MaxReadsWithoutYield);
    }

    /// <summary>Continues the read loop after a yield.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        RunReads(MaxReadsWithoutYield);
    }

    private void Deliver(Tcp.Received received)
    {
        if (Interlocked.CompareExchange(ref _deliveryState, DeliveryBusy, DeliveryOpen) != DeliveryOpen)
        {
            return;
        }

        _reader!.Tell(received, _self);
        Volatile.Write(ref _deliveryState, DeliveryOpen);
    }

    /// <summary>One non-blocking read; null when the socket had nothing after all.</summary>
    private object? ReadOnce(out bool filledBuffer)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(_readSize);
        try
        {
            int read = _socket.Receive(buffer.AsSpan(0, _readSize), SocketFlags.None, out SocketError error);
            filledBuffer = read == _readSize;
            if (error == SocketError.WouldBlock)
            {
                return null;
            }

            if (error != SocketError.Success)
            {
                throw new SocketException((int)error);
            }

            if (read == 0)
            {
                _endOfStream = true;
                return ChannelEndOfStream.Instance;
            }

            // The handler's own copy of exactly the bytes read. Every byte is overwritten, so the array need not
            // be zeroed first (for reads of a few KiB the zeroing costs about as much as the copy).
            byte[] data = GC.AllocateUninitializedArray<byte>(read);
            buffer.AsSpan(0, read).CopyTo(data);
            return new Tcp.Received(ByteString.FromBytes(data));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The zero-byte receive's arguments, reused for every wait: its completion continues the read loop
    /// without a delegate, a task or a captured execution context.
    /// </summary>
    private sealed class ReadableWait : SocketAsyncEventArgs
    {
        private readonly TcpChannel _channel;

        public ReadableWait(TcpChannel channel)
            : base(unsafeSuppressExecutionContextFlow: true)
        {
            _channel = channel;
            SetBuffer(Memory<byte>.Empty);
        }

        public void ThrowIfFailed()
        {
            if (SocketError != SocketError.Success)
            {
                throw new SocketException((int)SocketError);
            }
        }

        protected override void OnCompleted(SocketAsyncEventArgs e) => _channel.OnReadable(this);
    }
}
