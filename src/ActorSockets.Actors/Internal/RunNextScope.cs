namespace ActorSockets.Actors.Internal;

/// <summary>
/// Lets a callback that runs on a thread-pool thread outside any actor (a socket completion, say) have the
/// last actor it tells run on this thread when the scope ends, instead of waiting in the thread pool's queue.
/// </summary>
/// <remarks>
/// <para>Open it with <c>using var scope = RunNextScope.Open();</c> at the top of a callback that tells an
/// actor and then returns to the pool, where the hop through the pool's queue is pure overhead. Nothing
/// changes for the messages themselves, only which thread runs the receiver: the actor woken last waits for
/// the scope to end (any woken before it are queued at once), so open a scope only where the callback is
/// about to end anyway and does not block.</para>
/// <para>On a thread that is not a thread-pool thread, inside an actor's run, and inside an open scope, this
/// does nothing: an actor's run must not hold what it wakes behind the rest of itself.</para>
/// </remarks>
internal readonly ref struct RunNextScope
{
    private readonly bool _opened;

    internal RunNextScope(bool opened) => _opened = opened;

    /// <summary>Opens a scope on this thread; dispose it at the end of the callback.</summary>
    public static RunNextScope Open() =>
        Thread.CurrentThread.IsThreadPoolThread && ActorCell.Current is null ? Mailbox.OpenRunNextScope() : default;

    /// <summary>Closes the scope and runs the actor it collected, if any.</summary>
    public void Dispose()
    {
        if (_opened)
        {
            Mailbox.CloseRunNextScope();
        }
    }
}
