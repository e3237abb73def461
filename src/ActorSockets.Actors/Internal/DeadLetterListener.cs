using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors.Internal;

/// <summary>
/// Logs dead letters (and unhandled messages) from the event stream with a rate limit: the first
/// <c>log-dead-letters</c> are logged, then logging pauses for <c>log-dead-letters-suspend-duration</c>
/// and resumes with a line saying how many were skipped. During shutdown nothing is logged unless
/// <c>log-dead-letters-during-shutdown</c> is on.
/// </summary>
internal sealed class DeadLetterListener : ActorBase
{
    private readonly ActorSystemImpl _system;
    private readonly ILogger _logger;
    private readonly int _limit;
    private readonly TimeSpan _suspendDuration;
    private int _count;
    private int _suppressed;
    private DateTimeOffset _suspendedUntil;

    public DeadLetterListener()
    {
        _system = Cell.SystemImpl;
        _logger = _system.LoggerFactory.CreateLogger("ActorSockets.Actors.DeadLetters");
        _limit = _system.Settings.LogDeadLetters;
        _suspendDuration = _system.Settings.LogDeadLettersSuspendDuration;
    }

    protected override void PreStart()
    {
        _system.EventStream.Subscribe(Self, typeof(DeadLetter));
        if (_system.Settings.DebugUnhandled)
        {
            _system.EventStream.Subscribe(Self, typeof(UnhandledMessage));
        }
    }

    protected override void PostStop() => _system.EventStream.Unsubscribe(Self);

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case DeadLetter deadLetter:
                Log(deadLetter.Message, deadLetter.Sender, deadLetter.Recipient, unhandled: false);
                return true;
            case UnhandledMessage unhandled:
                Log(unhandled.Message, unhandled.Sender, unhandled.Recipient, unhandled: true);
                return true;
            default:
                return false;
        }
    }

    private void Log(object message, IActorRef? sender, IActorRef recipient, bool unhandled)
    {
        if (_system.IsTerminating && !_system.Settings.LogDeadLettersDuringShutdown)
        {
            return;
        }
        var now = _system.Scheduler.Now;
        if (_count >= _limit)
        {
            if (now < _suspendedUntil)
            {
                _suppressed++;
                return;
            }
            DeadLetterLog.Resumed(_logger, _suppressed);
            _count = 0;
            _suppressed = 0;
        }
        _count++;
        var type = message.GetType().Name;
        var from = sender?.ToString() ?? "NoSender";
        var to = recipient.ToString() ?? "";
        if (unhandled)
        {
            DeadLetterLog.Unhandled(_logger, type, from, to, _count);
        }
        else if (_count == _limit)
        {
            _suspendedUntil = now + _suspendDuration;
            DeadLetterLog.DeadLetterLimitReached(_logger, type, from, to, _count, _suspendDuration);
        }
        else
        {
            DeadLetterLog.DeadLetter(_logger, type, from, to, _count);
        }
    }
}
