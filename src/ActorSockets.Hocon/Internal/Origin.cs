namespace ActorSockets.Hocon.Internal;

/// <summary>Where a value was written: the source name (file path, resource or "string") and the line.</summary>
internal readonly record struct Origin(string Source, int Line)
{
    public static readonly Origin None = new("(no origin)", 0);

    public override string ToString() => Line > 0 ? $"{Source}:{Line}" : Source;
}
