namespace ActorSockets.Actors;

/// <summary>Sends the outcome of a task to an actor as a message.</summary>
public static class PipeToSupport
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells its result (or <paramref name="success"/> of it) to
    /// <paramref name="recipient"/>; a failure is told as <see cref="Status.Failure"/> (or
    /// <paramref name="failure"/> of the exception).
    /// </summary>
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(completed =>
        {
            if (completed.IsCompletedSuccessfully)
            {
                var result = completed.Result;
                recipient.Tell(success is not null ? success(result) : (object?)result ?? new Status.Success(null), sender);
            }
            else
            {
                var cause = Unwrap(completed);
                recipient.Tell(failure is not null ? failure(cause) : new Status.Failure(cause), sender);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="success"/>'s message (or
    /// <see cref="Status.Success"/>) to <paramref name="recipient"/>; a failure is told as
    /// <see cref="Status.Failure"/> (or <paramref name="failure"/> of the exception).
    /// </summary>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(completed =>
        {
            if (completed.IsCompletedSuccessfully)
            {
                recipient.Tell(success is not null ? success() : new Status.Success(null), sender);
            }
            else
            {
                var cause = Unwrap(completed);
                recipient.Tell(failure is not null ? failure(cause) : new Status.Failure(cause), sender);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static Exception Unwrap(Task task) =>
        task.IsCanceled
            ? new TaskCanceledException(task)
            : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
}
