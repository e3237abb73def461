using System.Diagnostics;
using System.Threading.Tasks.Sources;

namespace ActorSockets.IO.Internal;

/// <summary>
/// A counting, single-waiter async signal without locks or per-wait allocations: the owning actor grants
/// permits with <see cref="Grant"/> (N accepts to the listener's accept loop, reads to the UDP loops) and a
/// socket loop takes them one at a time with <see cref="WaitAsync"/>. This is how an actor keeps its socket
/// loop on a leash without the loop ever reading actor state.
/// </summary>
/// <remarks>
/// <para>State is one integer: a count of permits (&gt;= 0), <see cref="Waiting"/> when the loop is parked,
/// or <see cref="Closed"/>. Every transition is a compare-and-swap, which prevents the lost-wake-up race
/// where a grant lands between the loop seeing zero permits and parking.</para>
/// <para>Continuations run synchronously on the granting thread (the actor's turn or <see cref="Close"/>):
/// the loop then runs up to its next real socket wait, which never blocks.</para>
/// </remarks>
internal sealed class DemandSignal : IValueTaskSource<bool>
{
    private const int Waiting = -1;
    private const int Closed = int.MinValue;

    private ManualResetValueTaskSourceCore<bool> _core;
    private int _state;

    public bool IsClosed => Volatile.Read(ref _state) == Closed;

    /// <summary>Takes one permit; completes with false once the signal is closed.</summary>
    public ValueTask<bool> WaitAsync()
    {
        while (true)
        {
            int state = Volatile.Read(ref _state);
            if (state == Closed)
            {
                return new ValueTask<bool>(false);
            }

            if (state > 0)
            {
                if (Interlocked.CompareExchange(ref _state, state - 1, state) == state)
                {
                    return new ValueTask<bool>(true);
                }

                continue;
            }

            Debug.Assert(state == 0, "only one loop may wait on a demand signal");

            // Nobody can complete the core while the state is 0, so resetting it here is race-free.
            _core.Reset();
            if (Interlocked.CompareExchange(ref _state, Waiting, 0) == 0)
            {
                return new ValueTask<bool>(this, _core.Version);
            }
        }
    }

    /// <summary>Adds permits, waking the loop if it is parked. Ignored once closed.</summary>
    public void Grant(int permits = 1)
    {
        Debug.Assert(permits > 0, "grant at least one permit");
        while (true)
        {
            int state = Volatile.Read(ref _state);
            if (state == Closed)
            {
                return;
            }

            if (state == Waiting)
            {
                if (Interlocked.CompareExchange(ref _state, permits - 1, Waiting) == Waiting)
                {
                    _core.SetResult(true);
                    return;
                }

                continue;
            }

            int next = (int)Math.Min((long)state + permits, int.MaxValue);
            if (Interlocked.CompareExchange(ref _state, next, state) == state)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Makes sure at least one permit is available (waking the loop if parked), without ever banking more
    /// than one: push-mode reading re-arms itself with this, so a later suspension lets at most one read through.
    /// </summary>
    public void EnsureOne()
    {
        while (true)
        {
            int state = Volatile.Read(ref _state);
            if (state == Closed || state > 0)
            {
                return;
            }

            if (state == Waiting)
            {
                if (Interlocked.CompareExchange(ref _state, 0, Waiting) == Waiting)
                {
                    _core.SetResult(true);
                    return;
                }

                continue;
            }

            if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
            {
                return;
            }
        }
    }

    /// <summary>Drops all permits and releases a parked loop with false; later waits return false at once.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _state, Closed) == Waiting)
        {
            _core.SetResult(false);
        }
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(
        Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
