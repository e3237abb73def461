using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>Request-reply with actors.</summary>
public static class Futures
{
    /// <summary>
    /// Tells <paramref name="message"/> to <paramref name="recipient"/> with a temporary reply-to
    /// reference as sender and returns the first reply. A <see cref="Status.Failure"/> reply faults the
    /// task with its cause; a reply of another type faults it with an <see cref="InvalidCastException"/>;
    /// no reply within <paramref name="timeout"/> (defaults to <c>actorsockets.actor.ask-timeout</c>)
    /// faults it with an <see cref="AskTimeoutException"/>. Late replies go to dead letters.
    /// </summary>
    public static Task<T> Ask<T>(this ICanTell recipient, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        var system = SystemOf(recipient);
        var promise = new PromiseActorRef<T>(system);
        var limit = timeout ?? system.Settings.AskTimeout;
        promise.SetTimeout(limit, () => new AskTimeoutException(
            $"Ask timed out on {recipient} after {limit.TotalMilliseconds:0} ms; the message was a {message.GetType().Name}."));
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static state =>
            {
                var (p, token) = ((PromiseActorRef<T>, CancellationToken))state!;
                p.Cancel(token);
            }, (promise, cancellationToken));
            promise.Task.ContinueWith(static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), registration, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        recipient.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>Ask with a reply of any type.</summary>
    public static Task<object> Ask(this ICanTell recipient, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        recipient.Ask<object>(message, timeout, cancellationToken);

    internal static ActorSystemImpl SystemOf(ICanTell recipient) => recipient switch
    {
        LocalActorRef local => local.Cell.SystemImpl,
        ActorSelection selection => selection.System,
        _ => ActorCell.Current?.SystemImpl ?? throw new ArgumentException(
            $"Cannot ask {recipient}: it is not an actor of a live system. Ask an actor created by ActorOf or an ActorSelection.", nameof(recipient)),
    };
}
