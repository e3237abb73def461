using System.Runtime.ExceptionServices;

namespace ActorSockets.Actors.Internal;

/// <summary>
/// Async handlers. The handler starts under an <see cref="ActorSynchronizationContext"/>, so every
/// continuation after an <c>await</c> comes back as a <see cref="RunContinuation"/> system message and
/// runs as the actor (with the original <c>Sender</c>). Until the handler's task completes the
/// mailbox is suspended for user messages: no other message interleaves with the handler.
/// </summary>
internal sealed partial class ActorCell
{
    public void RunTask<T>(Func<T, Task> handler, T message)
    {
        var extras = Extras;
        var context = extras.SynchronizationContext ??= new ActorSynchronizationContext(this);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = handler(message);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        if (task.IsCompletedSuccessfully)
        {
            return;
        }
        if (task.IsCompleted)
        {
            ThrowTaskFailure(task);
        }
        extras.AsyncMessage = _currentMessage;
        extras.AsyncSender = _currentSender;
        SetState(StateAsyncPending);
        UpdateSuspension();
        task.ContinueWith(
            static (completed, state) => ((ActorCell)state!).Mailbox.PostSystem(new AsyncCompleted(completed)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void HandleAsyncCompleted(Task task)
    {
        ClearState(StateAsyncPending);
        var extras = Extras;
        _currentMessage = extras.AsyncMessage;
        _currentSender = extras.AsyncSender;
        extras.AsyncMessage = null;
        extras.AsyncSender = null;
        try
        {
            if (!task.IsCompletedSuccessfully)
            {
                ThrowTaskFailure(task);
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
            UpdateSuspension();
        }
    }

    private void RunContinuationAsActor(SendOrPostCallback callback, object? state)
    {
        if (_actor is null)
        {
            return;
        }
        var extras = Extras;
        _currentMessage = extras.AsyncMessage;
        _currentSender = extras.AsyncSender;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(extras.SynchronizationContext);
        try
        {
            callback(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _currentMessage = null;
            _currentSender = null;
        }
    }

    private static void ThrowTaskFailure(Task task)
    {
        if (task.IsCanceled)
        {
            throw new TaskCanceledException(task);
        }
        var exception = task.Exception!;
        ExceptionDispatchInfo.Capture(exception.InnerExceptions.Count == 1 ? exception.InnerException! : exception).Throw();
    }
}
