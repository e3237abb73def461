namespace ActorSockets.Hocon.Internal;

/// <summary>
/// Several definitions of one field that cannot be merged until substitutions are resolved
/// (for example <c>a = ${b}</c> followed by <c>a { c = 1 }</c>, or a self-reference such as
/// <c>path = ${path} ":/more"</c>). Layers are ordered bottom (oldest / fallback) to top.
/// </summary>
internal sealed class HoconDelayedMerge : HoconValue
{
    public HoconDelayedMerge(HoconValue[] layers)
        : base(layers[^1].Origin) => Layers = layers;

    public HoconValue[] Layers { get; }

    public override string TypeName => "merge";
}
