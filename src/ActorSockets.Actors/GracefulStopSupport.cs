using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>Stopping an actor and waiting for it.</summary>
public static class GracefulStopSupport
{
    /// <summary>
    /// Tells <paramref name="stopMessage"/> (defaults to <see cref="PoisonPill"/>) to <paramref name="target"/>
    /// and completes with true once it has stopped, or false if it has not within <paramref name="timeout"/>.
    /// </summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not InternalActorRef internalTarget)
        {
            throw new ArgumentException($"{target} is not an actor of this runtime.", nameof(target));
        }
        var system = Futures.SystemOf(target);
        var promise = new PromiseActorRef<Terminated>(system);
        promise.SetTimeout(timeout, () => new AskTimeoutException($"{target} did not stop within {timeout.TotalMilliseconds:0} ms."));
        internalTarget.SendSystemMessage(new Watch(internalTarget, promise));
        target.Tell(stopMessage ?? PoisonPill.Instance, null);
        return promise.Task.ContinueWith(static (completed, state) =>
        {
            if (completed.IsCompletedSuccessfully)
            {
                return true;
            }
            var (watchee, watcher) = ((InternalActorRef, InternalActorRef))state!;
            watchee.SendSystemMessage(new Unwatch(watchee, watcher));
            return false;
        }, (internalTarget, (InternalActorRef)promise), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
