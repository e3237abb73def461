namespace ActorSockets.Hocon.Internal;

internal sealed class HoconArray : HoconValue
{
    public HoconArray(IReadOnlyList<HoconValue> items, Origin origin)
        : base(origin)
    {
        Items = items;
        foreach (var item in items)
        {
            if (HoconObject.IsUnresolved(item))
            {
                HasUnresolved = true;
                break;
            }
        }
    }

    public IReadOnlyList<HoconValue> Items { get; }

    /// <summary>True when some element (at any depth) is a substitution, concatenation or delayed merge.</summary>
    public bool HasUnresolved { get; }

    public override string TypeName => "list";
}
