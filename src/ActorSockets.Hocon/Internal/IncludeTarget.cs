namespace ActorSockets.Hocon.Internal;

/// <summary>
/// An opened include: its text, the name shown in messages, a key that identifies it for cycle
/// detection, and the includer to use for includes inside it (relative to its own location).
/// </summary>
internal sealed record IncludeTarget(string Text, string Source, string Key, Includer Includer);
