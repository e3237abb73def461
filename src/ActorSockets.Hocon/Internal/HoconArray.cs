namespace ActorSockets.Hocon.Internal;

internal sealed class HoconArray : HoconValue
{
    public HoconArray(IReadOnlyList<HoconValue> items, Origin origin)
        : base(origin)
    {
        Items = items;
        for (var i = 0; i < items.Count; i++)
        {
            if (HoconObject.IsUnresolved(items[i]))
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
