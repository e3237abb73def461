namespace ActorSockets.Actors.Internal;

/// <summary>
/// Two ways for an actor to skip the thread pool's queue, both for hops where queueing is pure overhead:
/// the run-next slot of a <see cref="RunNextScope"/>, and inline runs of idle actors that never block.
/// </summary>
/// <remarks>
/// <para><b>Run-next slot.</b> A socket completion that tells an actor and then returns to the pool opens a
/// scope; the actor it woke waits in this thread's slot and runs when the scope closes, on this thread,
/// instead of being queued and picked up (often after a wake-up) by another. One actor per scope: a second
/// one woken takes the slot and pushes the first to the pool. The slot's actor runs with the scope closed,
/// as any actor run: what it wakes is queued (or, for an inline actor, run inline), never held in a slot
/// behind it, so a user actor that blocks blocks only its own thread and nothing waits for it.</para>
/// <para><b>Inline runs.</b> An actor whose props say <see cref="Props.RunsInlineWhenIdle"/> (the IO
/// layer's connection actors, whose runs are a non-blocking send or two) runs at once, nested in the
/// <c>Tell</c> of the actor run that woke it, when it was idle. One level deep: what an inline run wakes is
/// queued. Nested is safe because the woken actor still runs only once the telling thread won its
/// <c>Scheduled</c> bit, as on the pool; the teller's own mailbox stays scheduled meanwhile, so anything
/// the inline run tells the teller is queued for it, not run.</para>
/// <para>Both are thread-static and touched only by their own thread, so they need no synchronisation.</para>
/// </remarks>
internal sealed partial class Mailbox
{
    [ThreadStatic]
    private static bool t_scopeOpen;

    [ThreadStatic]
    private static Mailbox? t_runNext;

    [ThreadStatic]
    private static bool t_runningInline;

    /// <summary>Opens this thread's run-next slot, unless it is open already (the scope then does nothing).</summary>
    internal static RunNextScope OpenRunNextScope()
    {
        if (t_scopeOpen)
        {
            return default;
        }

        t_scopeOpen = true;
        return new RunNextScope(opened: true);
    }

    /// <summary>Closes the slot, then runs the actor it holds, if any.</summary>
    internal static void CloseRunNextScope()
    {
        t_scopeOpen = false;
        if (t_runNext is { } next)
        {
            t_runNext = null;
            next.Run();
        }
    }

    /// <summary>
    /// Puts this mailbox, just scheduled, into the open slot; false when no scope is open on this thread.
    /// An earlier occupant is pushed to the pool.
    /// </summary>
    private bool TryTakeRunNextSlot()
    {
        if (!t_scopeOpen)
        {
            return false;
        }

        var displaced = t_runNext;
        t_runNext = this;
        if (displaced is not null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(displaced, preferLocal: false);
        }

        return true;
    }

    /// <summary>
    /// Runs this mailbox, just scheduled, right here when the caller is an actor's run and not itself an
    /// inline run; false otherwise.
    /// </summary>
    private bool TryRunInline()
    {
        if (t_runningInline || ActorCell.Current is null)
        {
            return false;
        }

        // The teller may be an async handler, whose synchronization context would otherwise be captured by
        // anything the inline run starts (a send's async remainder), sending its continuations through the
        // teller's mailbox. The actor runs as it would on the pool: without one.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        t_runningInline = true;
        try
        {
            Run();
        }
        finally
        {
            t_runningInline = false;
            SynchronizationContext.SetSynchronizationContext(context);
        }

        return true;
    }
}
