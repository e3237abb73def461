using Microsoft.Extensions.Logging;

namespace ActorSockets.TestKit;

/// <summary>Creates <see cref="EventFilter"/>s: assertions on what the system under test logs, like Akka's <c>EventFilter</c>.</summary>
public sealed class EventFilterFactory
{
    private readonly TestKit _kit;

    internal EventFilterFactory(TestKit kit)
    {
        _kit = kit;
    }

    /// <summary>Matches Error lines containing <paramref name="contains"/> (if given) from a category containing <paramref name="category"/> (if given).</summary>
    public EventFilter Error(string? contains = null, string? category = null) => Create(LogLevel.Error, contains, category, null);

    /// <summary>Matches Error lines logged with an exception of type <typeparamref name="TException"/> (or a subclass).</summary>
    public EventFilter Exception<TException>(string? contains = null) where TException : Exception =>
        Create(LogLevel.Error, contains, null, typeof(TException));

    /// <summary>Matches Warning lines.</summary>
    public EventFilter Warning(string? contains = null, string? category = null) => Create(LogLevel.Warning, contains, category, null);

    /// <summary>Matches Information lines.</summary>
    public EventFilter Info(string? contains = null, string? category = null) => Create(LogLevel.Information, contains, category, null);

    /// <summary>Matches Debug lines (the system logs Debug only when the TestKit's minimum level allows it).</summary>
    public EventFilter Debug(string? contains = null, string? category = null) => Create(LogLevel.Debug, contains, category, null);

    /// <summary>Matches the dead-letter log line of a message of type <typeparamref name="T"/>.</summary>
    public EventFilter DeadLetter<T>() => Create(LogLevel.Information, $"[{typeof(T).Name}]", "ActorSockets.Actors.DeadLetters", null);

    private EventFilter Create(LogLevel level, string? contains, string? category, Type? exceptionType)
    {
        var description = $"{level}{(contains is null ? "" : $" containing \"{contains}\"")}" +
            $"{(category is null ? "" : $" from a category containing \"{category}\"")}" +
            $"{(exceptionType is null ? "" : $" with a {exceptionType.Name}")}";
        return new EventFilter(_kit, description, entry =>
            entry.Level == level
            && (contains is null || entry.Message.Contains(contains, StringComparison.Ordinal))
            && (category is null || entry.Category.Contains(category, StringComparison.Ordinal))
            && (exceptionType is null || exceptionType.IsInstanceOfType(entry.Exception)));
    }
}
