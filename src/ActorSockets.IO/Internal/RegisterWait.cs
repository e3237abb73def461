using System.Diagnostics;
using Akka.Actor;

namespace ActorSockets.IO.Internal;

/// <summary>
/// One connection's wait for <see cref="Akka.IO.Tcp.Register"/>, queued in <see cref="RegisterTimeouts"/>: who to
/// tell, when, and whether the wait is over. The connection settles it when a handler registers, when it starts
/// to close, and when it stops; the sweep then drops it without a message.
/// </summary>
internal sealed class RegisterWait(IActorRef connection, long dueTimestamp)
{
    /// <summary>Written by the connection's turn, read by the sweep's: volatile so the sweep sees a settle at once.</summary>
    private volatile bool _settled;

    public IActorRef Connection { get; } = connection;

    /// <summary>When the wait expires, in <see cref="Stopwatch.GetTimestamp"/> units.</summary>
    public long DueTimestamp { get; } = dueTimestamp;

    public bool IsSettled => _settled;

    public void Settle() => _settled = true;
}
