namespace ActorSockets.Hocon.Internal;

/// <summary>
/// An object whose keys keep the order in which they were first written. Objects are filled by
/// the parser and never changed once the parse that created them has returned.
/// </summary>
internal sealed class HoconObject : HoconValue
{
    private readonly Dictionary<string, HoconValue> _fields;
    private readonly List<string> _keys;
    private System.Collections.ObjectModel.ReadOnlyCollection<string>? _readOnlyKeys;

    public HoconObject(Origin origin)
        : base(origin)
    {
        _fields = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
        _keys = [];
    }

    public HoconObject(Origin origin, int capacity)
        : base(origin)
    {
        _fields = new Dictionary<string, HoconValue>(capacity, StringComparer.Ordinal);
        _keys = new List<string>(capacity);
    }

    public static HoconObject Empty { get; } = new(Origin.None);

    public override string TypeName => "object";

    public int Count => _keys.Count;

    /// <summary>The keys in first-written order, as a read-only view (callers cannot cast it back to a list).</summary>
    public IReadOnlyList<string> Keys => _readOnlyKeys ??= _keys.AsReadOnly();

    public HoconValue this[string key] => _fields[key];

    public bool TryGetValue(string key, out HoconValue value) => _fields.TryGetValue(key, out value!);

    /// <summary>Adds or replaces a field; a replaced field keeps its original position.</summary>
    public void Set(string key, HoconValue value)
    {
        if (_fields.TryAdd(key, value))
        {
            _keys.Add(key);
        }
        else
        {
            _fields[key] = value;
        }
    }
}
