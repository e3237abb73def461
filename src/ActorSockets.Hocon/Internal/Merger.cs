namespace ActorSockets.Hocon.Internal;

/// <summary>
/// Merging of two definitions of one field, used both for duplicate keys while parsing and for
/// <see cref="Config.WithFallback"/>. Objects merge key by key; a resolved non-object on top wins;
/// anything involving an unresolved value becomes a <see cref="HoconDelayedMerge"/> decided after resolution.
/// </summary>
internal static class Merger
{
    /// <summary>Merges without changing either input (used on finished trees).</summary>
    public static HoconValue Merge(HoconValue bottom, HoconValue top)
    {
        if (top is HoconObject topObject && bottom is HoconObject bottomObject)
        {
            return MergeObjects(bottomObject, topObject);
        }

        if (IsResolved(top))
        {
            return top;
        }

        if (top is HoconObject objectOverValue && IsResolved(bottom))
        {
            return objectOverValue.WithIgnoresFallbacks();
        }

        return Delay(bottom, top);
    }

    public static HoconObject MergeObjects(HoconObject bottom, HoconObject top)
    {
        if (top.IgnoresFallbacks || (bottom.Count == 0 && !bottom.IgnoresFallbacks))
        {
            return top;
        }

        if (top.Count == 0)
        {
            return bottom;
        }

        // Merged over an object that hides what is beneath it, the result hides it too.
        var result = new HoconObject(top.Origin, top.Count + bottom.Count);
        if (bottom.IgnoresFallbacks)
        {
            result.MarkIgnoresFallbacks();
        }

        for (var i = 0; i < top.Count; i++)
        {
            var key = top.KeyAt(i);
            var value = top.ValueAt(i);
            result.Set(key, bottom.TryGetValue(key, out var under) ? Merge(under, value) : value);
        }

        for (var i = 0; i < bottom.Count; i++)
        {
            var key = bottom.KeyAt(i);
            if (!top.TryGetValue(key, out _))
            {
                result.Set(key, bottom.ValueAt(i));
            }
        }

        return result;
    }

    /// <summary>
    /// Merges <paramref name="top"/> into the field <paramref name="key"/> of <paramref name="target"/>,
    /// changing objects in place. Only the parser calls this, on objects it created itself.
    /// </summary>
    public static void MergeInto(HoconObject target, string key, HoconValue top)
    {
        if (!target.TryGetValue(key, out var existing))
        {
            target.Set(key, top);
            return;
        }

        if (existing is HoconObject existingObject && top is HoconObject topObject && !topObject.IgnoresFallbacks)
        {
            for (var i = 0; i < topObject.Count; i++)
            {
                MergeInto(existingObject, topObject.KeyAt(i), topObject.ValueAt(i));
            }

            target.NoteChildChanged(existingObject);
            return;
        }

        if (top is HoconObject replacing && existing is not HoconObject && IsResolved(existing))
        {
            replacing.MarkIgnoresFallbacks();
        }

        target.Set(key, IsResolved(top) || (top is HoconObject && (IsResolved(existing) || ((HoconObject)top).IgnoresFallbacks)) ? top : Delay(existing, top));
    }

    private static HoconDelayedMerge Delay(HoconValue bottom, HoconValue top)
    {
        var layers = new List<HoconValue>();
        AddLayers(layers, bottom);
        AddLayers(layers, top);
        return new HoconDelayedMerge([.. layers]);
    }

    private static void AddLayers(List<HoconValue> layers, HoconValue value)
    {
        if (value is HoconDelayedMerge merge)
        {
            layers.AddRange(merge.Layers);
        }
        else
        {
            layers.Add(value);
        }
    }

    /// <summary>True for scalars and for arrays without unresolved elements (objects are merged, not "resolved" here).</summary>
    private static bool IsResolved(HoconValue value) => value is HoconScalar || value is HoconArray { HasUnresolved: false };
}
