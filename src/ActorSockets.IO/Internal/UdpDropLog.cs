using System.Net;
using Akka.Actor;
using Akka.IO;
using Akka.Event;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The rate limit on the dropped-datagram log of one UDP socket (the listener's drops, the per-peer
/// router's refusals): the first drop is logged at once and opens an interval; drops within it are only
/// counted, and when it ends one summary line gives their number and opens the next interval. An
/// interval without drops closes the window, so the next drop is again logged at once. A peer flooding
/// bad datagrams thus costs one line per interval, not one per datagram.
/// </summary>
/// <remarks>
/// Used from one actor only, which owns the interval timer: <see cref="Dropped(long, EndPoint?, string)"/> says
/// when to start it (periodic, every interval) and <see cref="IntervalElapsed()"/>, called on each tick, when to
/// cancel it; the overloads taking the actor's <see cref="ITimerScheduler"/> do both for it.
/// </remarks>
internal sealed class UdpDropLog(ILoggingAdapter logger, EndPoint localAddress, TimeSpan interval)
{
    private bool _windowOpen;
    private long _unlogged;
    private EndPoint? _latestFrom;
    private string _latestReason = "";

    /// <summary>
    /// Records <paramref name="count"/> drops, the first of which came from <paramref name="from"/> for
    /// <paramref name="reason"/>. Returns true when this opened an interval: the caller starts the timer.
    /// </summary>
    public bool Dropped(long count, EndPoint? from, string reason)
    {
        if (count <= 0)
        {
            return false;
        }

        if (_windowOpen)
        {
            Count(count, from, reason);
            return false;
        }

        _windowOpen = true;
        UdpLog.DatagramDropped(logger, localAddress, Describe(from), reason);
        if (count > 1)
        {
            Count(count - 1, from, reason);
        }

        return true;
    }

    /// <summary>
    /// Ends an interval: logs the summary of its drops, if any. Returns false when there were none and the
    /// window closed: the caller cancels the timer.
    /// </summary>
    public bool IntervalElapsed()
    {
        if (_unlogged == 0)
        {
            _windowOpen = false;
            return false;
        }

        UdpLog.DatagramsDroppedSummary(logger, localAddress, _unlogged, interval, Describe(_latestFrom), _latestReason);
        _unlogged = 0;
        return true;
    }

    /// <summary><see cref="Dropped(long, EndPoint?, string)"/>, starting the owner's interval timer when it should run.</summary>
    public void Dropped(long count, EndPoint? from, string reason, ITimerScheduler timers)
    {
        if (Dropped(count, from, reason))
        {
            timers.StartPeriodicTimer(Tick.Instance, Tick.Instance, interval);
        }
    }

    /// <summary><see cref="IntervalElapsed()"/> for a <see cref="Tick"/>, cancelling the owner's timer when the window closed.</summary>
    public void IntervalElapsed(ITimerScheduler timers)
    {
        if (!IntervalElapsed())
        {
            timers.Cancel(Tick.Instance);
        }
    }

    private static string Describe(EndPoint? from) => from?.ToString() ?? "unknown";

    private void Count(long count, EndPoint? from, string reason)
    {
        _unlogged += count;
        _latestFrom = from;
        _latestReason = reason;
    }

    /// <summary>The interval timer's key and message, handled by the owning actor.</summary>
    public sealed record Tick : IDeadLetterSuppression, INotInfluenceReceiveTimeout
    {
        public static Tick Instance { get; } = new();

        private Tick()
        {
        }
    }
}
