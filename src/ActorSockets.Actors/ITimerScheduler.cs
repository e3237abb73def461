namespace ActorSockets.Actors;

/// <summary>
/// Keyed timers that send messages to the owning actor. Starting a timer with a key that is in use
/// replaces it, and a message from a replaced or cancelled timer is never delivered, even if it was
/// already queued. All timers are cancelled when the actor stops or restarts.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True while the timer <paramref name="key"/> is pending (a single timer stops being active once delivered).</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer <paramref name="key"/>, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of the actor.</summary>
    void CancelAll();
}
