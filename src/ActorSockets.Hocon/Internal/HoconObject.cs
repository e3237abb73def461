using System.Buffers;

namespace ActorSockets.Hocon.Internal;

/// <summary>
/// An object whose keys keep the order in which they were first written. Objects are filled by
/// the parser and never changed once the parse that created them has returned.
/// </summary>
/// <remarks>
/// Most config objects have a handful of fields, so keys and values live in two parallel arrays
/// searched linearly; a dictionary index is built only once an object grows past
/// <see cref="IndexThreshold"/> fields. <see cref="HasUnresolved"/> lets the resolver skip whole
/// subtrees that contain no substitution. While the parser fills an object its arrays come from
/// <see cref="ArrayPool{T}"/>; <see cref="Seal"/> copies them to their exact size when the object's
/// closing brace is read, so a parsed tree holds no slack.
/// </remarks>
internal sealed class HoconObject : HoconValue
{
    private const int IndexThreshold = 16;

    private string[] _keys;
    private HoconValue[] _values;
    private int _count;
    private Dictionary<string, int>? _index;
    private KeyView? _keyView;
    private bool _pooled;
    private bool _sharesKeys;

    public HoconObject(Origin origin, int capacity = 4)
        : base(origin)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new HoconValue[capacity];
    }

    public static HoconObject Empty { get; } = new(Origin.None, 0);

    /// <summary>Creates an object for the parser to fill, backed by pooled arrays until <see cref="Seal"/>.</summary>
    public static HoconObject RentForParsing(Origin origin) => new(origin, 0)
    {
        _keys = ArrayPool<string>.Shared.Rent(16),
        _values = ArrayPool<HoconValue>.Shared.Rent(16),
        _pooled = true,
    };

    /// <summary>Moves the fields of a parser-filled object to exact-size arrays and returns the pooled ones.</summary>
    public void Seal()
    {
        if (!_pooled)
        {
            return;
        }

        var keys = _keys;
        var values = _values;
        _keys = keys[.._count];
        _values = values[.._count];
        _pooled = false;
        ArrayPool<string>.Shared.Return(keys, clearArray: true);
        ArrayPool<HoconValue>.Shared.Return(values, clearArray: true);
    }

    public override string TypeName => "object";

    public int Count => _count;

    /// <summary>True when some value below this object is a substitution, concatenation or delayed merge.</summary>
    public bool HasUnresolved { get; private set; }

    /// <summary>
    /// True when this object replaced a non-object value (such as <c>null</c> or a number): it hides
    /// everything beneath it, so later fallbacks do not merge into it (HOCON merges in pairs).
    /// </summary>
    public bool IgnoresFallbacks { get; private set; }

    /// <summary>Marks an object the parser still owns as hiding what is beneath it.</summary>
    public void MarkIgnoresFallbacks() => IgnoresFallbacks = true;

    /// <summary>Returns this object, or a copy of it, that hides what is beneath it.</summary>
    public HoconObject WithIgnoresFallbacks()
    {
        if (IgnoresFallbacks)
        {
            return this;
        }

        var copy = CopyWithCapacity(_count);
        copy.IgnoresFallbacks = true;
        return copy;
    }

    /// <summary>Returns this object, or a copy, that accepts fallbacks again (for an object that becomes a config's root).</summary>
    public HoconObject AsRoot()
    {
        if (!IgnoresFallbacks)
        {
            return this;
        }

        var copy = new HoconObject(Origin, _count);
        for (var i = 0; i < _count; i++)
        {
            copy.Set(_keys[i], _values[i]);
        }

        return copy;
    }

    /// <summary>
    /// A copy with the same keys in the same order and new <paramref name="values"/> (one per key). The key
    /// array and index are shared with this object, so the copy can never be changed.
    /// </summary>
    public HoconObject WithValues(HoconValue[] values)
    {
        var copy = new HoconObject(Origin, 0)
        {
            _keys = _keys,
            _values = values,
            _count = _count,
            _index = _index,
            _sharesKeys = true,
            IgnoresFallbacks = IgnoresFallbacks,
        };
        for (var i = 0; i < values.Length && !copy.HasUnresolved; i++)
        {
            copy.HasUnresolved = IsUnresolved(values[i]);
        }

        return copy;
    }

    /// <summary>An empty object that keeps this one's origin and fallback behaviour, for building a changed copy.</summary>
    public HoconObject CreateSibling(int capacity) => new(Origin, capacity) { IgnoresFallbacks = IgnoresFallbacks };

    private HoconObject CopyWithCapacity(int capacity)
    {
        var copy = CreateSibling(capacity);
        for (var i = 0; i < _count; i++)
        {
            copy.Set(_keys[i], _values[i]);
        }

        return copy;
    }

    /// <summary>The keys in first-written order, as a read-only view.</summary>
    public IReadOnlyList<string> Keys => _keyView ??= new KeyView(this);

    public string KeyAt(int i) => _keys[i];

    public HoconValue ValueAt(int i) => _values[i];

    public HoconValue this[string key] => _values[IndexOf(key)];

    /// <summary>Looks a key up without allocating a string for it.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out HoconValue value)
    {
        int i;
        if (_index is not null)
        {
            i = _index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found) ? found : -1;
        }
        else
        {
            i = -1;
            for (var j = 0; j < _count; j++)
            {
                if (key.SequenceEqual(_keys[j]))
                {
                    i = j;
                    break;
                }
            }
        }

        value = i < 0 ? null! : _values[i];
        return i >= 0;
    }

    public bool TryGetValue(string key, out HoconValue value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null!;
            return false;
        }

        value = _values[i];
        return true;
    }

    /// <summary>Adds or replaces a field; a replaced field keeps its original position.</summary>
    public void Set(string key, HoconValue value)
    {
        if (_sharesKeys)
        {
            throw new InvalidOperationException("An object that shares its keys with another cannot be changed");
        }

        if (IsUnresolved(value))
        {
            HasUnresolved = true;
        }

        var i = IndexOf(key);
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }

        if (_count == _keys.Length)
        {
            Grow();
        }

        _keys[_count] = key;
        _values[_count] = value;
        _index?.Add(key, _count);
        _count++;
        if (_index is null && _count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var j = 0; j < _count; j++)
            {
                _index.Add(_keys[j], j);
            }
        }
    }

    private void Grow()
    {
        var size = Math.Max(4, _count * 2);
        if (!_pooled)
        {
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
            return;
        }

        var keys = ArrayPool<string>.Shared.Rent(size);
        var values = ArrayPool<HoconValue>.Shared.Rent(size);
        Array.Copy(_keys, keys, _count);
        Array.Copy(_values, values, _count);
        ArrayPool<string>.Shared.Return(_keys, clearArray: true);
        ArrayPool<HoconValue>.Shared.Return(_values, clearArray: true);
        _keys = keys;
        _values = values;
    }

    /// <summary>Records that a child object was changed in place to hold an unresolved value.</summary>
    public void NoteChildChanged(HoconValue child)
    {
        if (IsUnresolved(child))
        {
            HasUnresolved = true;
        }
    }

    public static bool IsUnresolved(HoconValue value) => value switch
    {
        HoconScalar => false,
        HoconObject obj => obj.HasUnresolved,
        HoconArray array => array.HasUnresolved,
        _ => true,
    };

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class KeyView : IReadOnlyList<string>
    {
        private readonly HoconObject _owner;

        public KeyView(HoconObject owner) => _owner = owner;

        public int Count => _owner._count;

        public string this[int index] => (uint)index < (uint)_owner._count ? _owner._keys[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < _owner._count; i++)
            {
                yield return _owner._keys[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
