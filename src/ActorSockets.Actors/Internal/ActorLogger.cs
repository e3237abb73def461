using Microsoft.Extensions.Logging;

namespace ActorSockets.Actors.Internal;

/// <summary>
/// The logger behind <c>Context.Log</c>: named after the actor's class, and every line starts with the
/// actor's path (as Akka's log source does), so lines of many instances of one actor class can be told apart.
/// </summary>
internal sealed class ActorLogger(ILogger inner, ActorPath path) : ILogger
{
    private readonly string _prefix = $"[{path.ToStringWithoutAddress()}] ";

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }
        var prefix = _prefix;
        inner.Log(logLevel, eventId, state, exception, (s, e) => prefix + formatter(s, e));
    }
}
