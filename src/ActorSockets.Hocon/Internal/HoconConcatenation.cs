namespace ActorSockets.Hocon.Internal;

/// <summary>
/// Adjacent values on one line that could not be joined while parsing because at least one part
/// is a substitution, an object or an array. Whitespace between parts is kept as whitespace scalars.
/// </summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(IReadOnlyList<HoconValue> parts, Origin origin)
        : base(origin) => Parts = parts;

    public IReadOnlyList<HoconValue> Parts { get; }

    public override string TypeName => "concatenation";
}
