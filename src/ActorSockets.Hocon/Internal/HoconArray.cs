namespace ActorSockets.Hocon.Internal;

internal sealed class HoconArray : HoconValue
{
    public HoconArray(IReadOnlyList<HoconValue> items, Origin origin)
        : base(origin) => Items = items;

    public IReadOnlyList<HoconValue> Items { get; }

    public override string TypeName => "list";
}
