namespace ActorSockets.Hocon.Internal;

/// <summary>
/// A string, number, boolean or null. Numbers keep their source text so that rendering and
/// integer/double conversion see exactly what was written.
/// </summary>
internal sealed class HoconScalar : HoconValue
{
    public HoconScalar(ScalarKind kind, string text, Origin origin, bool isWhitespace = false)
        : base(origin)
    {
        Kind = kind;
        Text = text;
        IsWhitespace = isWhitespace;
    }

    public ScalarKind Kind { get; }

    public string Text { get; }

    /// <summary>True for the whitespace kept between the parts of a concatenation.</summary>
    public bool IsWhitespace { get; }

    public override string TypeName => Kind switch
    {
        ScalarKind.Number => "number",
        ScalarKind.Boolean => "boolean",
        ScalarKind.Null => "null",
        _ => "string",
    };

    public static HoconScalar String(string text, Origin origin) => new(ScalarKind.String, text, origin);

    public static HoconScalar Null(Origin origin) => new(ScalarKind.Null, "null", origin);
}
