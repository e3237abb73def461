using ActorSockets.Actors;

namespace ActorSockets.Benchmarks.Actors;

/// <summary>The one message the ping-pong benchmarks bounce: a singleton, so sending allocates nothing.</summary>
internal sealed class Ball
{
    public static readonly Ball Instance = new();
}

/// <summary>Counts finished participants and completes a task when the last one finishes.</summary>
internal sealed class Countdown(int participants)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left = participants;

    public Task Task => _done.Task;

    public void Signal()
    {
        if (Interlocked.Decrement(ref _left) == 0)
        {
            _done.TrySetResult();
        }
    }
}

/// <summary>Starts a round: the pinger serves <see cref="Balls"/> balls and counts <see cref="Hits"/> returns.</summary>
internal sealed record Serve(IActorRef Partner, int Balls, int Hits, Countdown Done);

/// <summary>Returns every ball to its sender.</summary>
internal sealed class Ponger : ReceiveActor
{
    public Ponger() => Receive<Ball>(ball => Sender.Tell(ball, Self));
}

/// <summary>Serves balls to a partner and returns each one until it has received its quota, then signals.</summary>
internal sealed class Pinger : ReceiveActor
{
    private int _left;
    private Countdown? _done;

    public Pinger()
    {
        Receive<Serve>(serve =>
        {
            _left = serve.Hits;
            _done = serve.Done;
            for (var i = 0; i < serve.Balls; i++)
            {
                serve.Partner.Tell(Ball.Instance, Self);
            }
        });
        Receive<Ball>(ball =>
        {
            var left = --_left;
            if (left > 0)
            {
                Sender.Tell(ball, Self);
            }
            else if (left == 0)
            {
                _done!.Signal();
            }
        });
    }
}

/// <summary>An actor that does nothing: what an idle connection actor costs at least.</summary>
internal sealed class IdleActor : ReceiveActor
{
    public IdleActor() => Receive<Ball>(_ => { });
}

/// <summary>Signals a countdown once started, so a spawn benchmark measures actors that really exist.</summary>
internal sealed class StartedActor : ReceiveActor
{
    private readonly Countdown _started;

    public StartedActor(Countdown started)
    {
        _started = started;
        Receive<Ball>(_ => { });
    }

    protected override void PreStart() => _started.Signal();
}

/// <summary>
/// The baseline of the ping-pong benchmarks: the same hand-off done with bare thread-pool work items.
/// Each ball is a work item that re-queues itself once per hop (one hop per message), with no
/// mailbox, no envelope and no actor in between.
/// </summary>
internal sealed class BareBall(int hops, Countdown done) : IThreadPoolWorkItem
{
    private int _left = hops;

    public void Execute()
    {
        if (--_left > 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            done.Signal();
        }
    }
}
