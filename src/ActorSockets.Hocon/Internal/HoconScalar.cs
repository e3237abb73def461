namespace ActorSockets.Hocon.Internal;

/// <summary>
/// A string, number, boolean or null. Numbers keep their source text so that rendering and
/// integer/double conversion see exactly what was written.
/// </summary>
/// <remarks>
/// Text read straight from the source (unquoted text, quoted strings without escapes) is kept as a
/// range of the source and copied out on first use: a large config is mostly values nobody reads,
/// and one object per value instead of two halves what the garbage collector has to trace.
/// </remarks>
internal sealed class HoconScalar : HoconValue
{
    private readonly string? _source;
    private readonly int _start;
    private readonly int _length;
    private string? _text;

    public HoconScalar(ScalarKind kind, string text, Origin origin, bool isWhitespace = false)
        : base(origin)
    {
        Kind = kind;
        _text = text;
        IsWhitespace = isWhitespace;
    }

    /// <summary>Creates a scalar whose text is <paramref name="length"/> characters of <paramref name="source"/> from <paramref name="start"/>.</summary>
    public HoconScalar(ScalarKind kind, string source, int start, int length, Origin origin, bool isWhitespace = false)
        : base(origin)
    {
        Kind = kind;
        _source = source;
        _start = start;
        _length = length;
        IsWhitespace = isWhitespace;
    }

    public ScalarKind Kind { get; }

    /// <summary>The text; two threads racing on the first read both produce equal strings.</summary>
    public string Text => _text ??= _source!.Substring(_start, _length);

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
