using System.Diagnostics;
using ActorSockets.Protocols.Framing;
using Akka.IO;

namespace ActorSockets.Protocols.Chat;

public sealed partial class ChatSession
{
    /// <summary>Lines decoded but not yet handled, waiting for the flood control; bounded because no read is asked for while any wait.</summary>
    private readonly Queue<FrameResult<string>> _pendingLines = new();
    private double _lineTokens;
    private long _lineTokensAt;

    /// <summary>
    /// Handles waiting lines while the token bucket allows. If some must wait, reading is paused (no further read is
    /// asked for) and a timer resumes handling when the next token is due; once none wait, reading resumes.
    /// </summary>
    private void HandlePendingLines()
    {
        RefillLineTokens();
        while (_pendingLines.Count > 0 && _lineTokens >= 1)
        {
            _lineTokens--;
            Handle(_pendingLines.Dequeue());
        }

        if (_leaving || IsClosing)
        {
            _pendingLines.Clear();
            return;
        }

        if (_pendingLines.Count > 0)
        {
            PauseReading();

            var wait = TimeSpan.FromSeconds((1 - _lineTokens) / _settings.LinesPerSecond);
            Timers.StartSingleTimer(FloodPauseOver.Instance, FloodPauseOver.Instance, wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait);
        }
        else
        {
            ResumeReading();
        }
    }

    private void RefillLineTokens()
    {
        var now = Stopwatch.GetTimestamp();
        var earned = Stopwatch.GetElapsedTime(_lineTokensAt, now).TotalSeconds * _settings.LinesPerSecond;
        _lineTokens = Math.Min(_settings.LineBurst, _lineTokens + earned);
        _lineTokensAt = now;
    }

    /// <summary>The flood control's pause is over: handle more waiting lines.</summary>
    private sealed record FloodPauseOver : Akka.Actor.INotInfluenceReceiveTimeout
    {
        public static FloodPauseOver Instance { get; } = new();
    }
}
