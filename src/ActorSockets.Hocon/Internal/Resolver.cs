namespace ActorSockets.Hocon.Internal;

/// <summary>
/// Resolves substitutions in a fully merged tree. Each field reachable from the root through plain
/// objects ("addressable") is resolved at most once and memoized; a field met again while it is being
/// resolved is a cycle. A field that is a delayed merge resolves its layers bottom-up, and while a
/// layer resolves, a substitution that points at the field itself (or into it) sees the merged value
/// of the layers below: that is what makes <c>path = ${path} ":/more"</c> and <c>+=</c> work.
/// A substitution inside an object of a definition that points deeper into the field
/// (<c>server.port</c> from <c>server { url = ${server.port} }</c> while <c>server</c> is a merge in
/// progress) looks forward: later definitions, then the one being resolved, then the layers below.
/// </summary>
internal sealed partial class Resolver
{
    /// <summary>Deepest chain of nested resolutions (values inside values, substitutions of substitutions).</summary>
    private const int MaxDepth = 400;

    private readonly HoconObject _root;
    private readonly Dictionary<HoconValue, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _layerNodesInProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<string[]> _trail = [];
    private int _depth;

    private Resolver(HoconObject root) => _root = root;

    public static HoconObject Resolve(HoconObject root)
    {
        if (!root.HasUnresolved)
        {
            return root;
        }

        var resolver = new Resolver(root);
        return (HoconObject)resolver.ResolveValue(root, [], null, addressable: true)!;
    }

    /// <summary>
    /// A field being resolved: its path, the definition (<paramref name="Layer"/>) being resolved, the
    /// merged value of the definitions below it, and the definitions above it (<paramref name="Later"/>,
    /// nearest last) when the field is a delayed merge.
    /// </summary>
    private sealed record SelfContext(string[] Path, HoconValue Layer, HoconValue? Below, SelfContext? Parent, ArraySegment<HoconValue> Later = default);

    private HoconValue? ResolveAddressable(HoconValue node, string[] path)
    {
        if (!HoconObject.IsUnresolved(node))
        {
            return node;
        }

        if (_resolved.TryGetValue(node, out var done))
        {
            return done;
        }

        if (!_inProgress.Add(node))
        {
            throw CycleError(node, path);
        }

        _trail.Add(path);
        var result = ResolveField(node, path, null, addressable: true);
        _trail.RemoveAt(_trail.Count - 1);
        _inProgress.Remove(node);
        _resolved[node] = result;
        return result;
    }

    private ConfigException CycleError(HoconValue node, string[] path)
    {
        var start = 0;
        for (var i = _trail.Count - 1; i >= 0; i--)
        {
            if (_trail[i].AsSpan().SequenceEqual(path))
            {
                start = i;
                break;
            }
        }

        var cycle = new List<string>();
        for (var i = start; i < _trail.Count; i++)
        {
            cycle.Add(HoconPath.Render(_trail[i]));
        }

        cycle.Add(HoconPath.Render(path));
        return new ConfigException($"Cycle in substitutions: {string.Join(" -> ", cycle)} (at {node.Origin})");
    }

    private HoconValue? ResolveField(HoconValue node, string[] path, SelfContext? context, bool addressable)
    {
        if (node is HoconDelayedMerge merge)
        {
            HoconValue? merged = null;
            var layers = merge.Layers;
            for (var i = 0; i < layers.Length; i++)
            {
                var later = new ArraySegment<HoconValue>(layers, i + 1, layers.Length - i - 1);
                var layerValue = ResolveValue(layers[i], path, new SelfContext(path, layers[i], merged, context, later), addressable: false);
                merged = MergeResolved(merged, layerValue);
            }

            return merged;
        }

        if (node is HoconScalar)
        {
            return node;
        }

        return ResolveValue(node, path, node is HoconObject ? context : new SelfContext(path, node, null, context), addressable);
    }

    private HoconValue? ResolveValue(HoconValue value, string[] path, SelfContext? context, bool addressable)
    {
        if (!HoconObject.IsUnresolved(value))
        {
            return value;
        }

        if (++_depth > MaxDepth)
        {
            throw new ConfigException($"Values and substitutions are nested more than {MaxDepth} deep at '{HoconPath.Render(path)}' ({value.Origin})");
        }

        try
        {
            return value switch
            {
                HoconObject obj => ResolveObject(obj, path, context, addressable),
                HoconArray array => ResolveArray(array, path, context),
                HoconSubstitution substitution => ResolveSubstitution(substitution, context),
                HoconConcatenation concatenation => ResolveConcatenation(concatenation, path, context),
                HoconDelayedMerge => ResolveField(value, path, context, addressable: false),
                _ => value,
            };
        }
        finally
        {
            _depth--;
        }
    }

    private HoconObject ResolveObject(HoconObject obj, string[] path, SelfContext? context, bool addressable)
    {
        HoconValue?[]? values = null;
        var removed = false;
        for (var i = 0; i < obj.Count; i++)
        {
            var child = obj.ValueAt(i);
            HoconValue? resolved;
            if (!HoconObject.IsUnresolved(child))
            {
                resolved = child;
            }
            else
            {
                var childPath = HoconPath.Append(path, obj.KeyAt(i));
                resolved = addressable ? ResolveAddressable(child, childPath) : ResolveField(child, childPath, context, addressable: false);
            }

            if (values is null && !ReferenceEquals(resolved, child))
            {
                values = new HoconValue?[obj.Count];
                for (var j = 0; j < i; j++)
                {
                    values[j] = obj.ValueAt(j);
                }
            }

            if (values is not null)
            {
                values[i] = resolved;
                removed |= resolved is null;
            }
        }

        if (values is null)
        {
            return obj;
        }

        if (!removed)
        {
            return obj.WithValues(values!);
        }

        // An optional substitution that stayed undefined removes its field.
        var copy = obj.CreateSibling(obj.Count);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                copy.Set(obj.KeyAt(i), value);
            }
        }

        return copy;
    }

    private HoconArray ResolveArray(HoconArray array, string[] path, SelfContext? context)
    {
        List<HoconValue>? copy = null;
        var items = array.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var resolved = ResolveValue(item, path, context, addressable: false);
            if (copy is null && !ReferenceEquals(resolved, item))
            {
                copy = new List<HoconValue>(items.Count);
                for (var j = 0; j < i; j++)
                {
                    copy.Add(items[j]);
                }
            }

            if (copy is not null && resolved is not null)
            {
                copy.Add(resolved);
            }
        }

        return copy is null ? array : new HoconArray(copy, array.Origin);
    }

    private static HoconValue? MergeResolved(HoconValue? bottom, HoconValue? top)
    {
        if (top is null)
        {
            return bottom;
        }

        if (bottom is HoconObject bottomObject && top is HoconObject topObject)
        {
            return Merger.MergeObjects(bottomObject, topObject);
        }

        return top is HoconObject replacing && bottom is not null ? replacing.WithIgnoresFallbacks() : top;
    }
}
