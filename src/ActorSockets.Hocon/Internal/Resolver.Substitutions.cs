using System.Text;

namespace ActorSockets.Hocon.Internal;

internal sealed partial class Resolver
{
    /// <summary>
    /// Largest string (in characters) and list a concatenation may produce. Doubling substitutions
    /// (<c>b = ${a}${a}</c>, <c>c = ${b}${b}</c>, ...) would otherwise grow without bound.
    /// </summary>
    private const int MaxConcatenatedLength = 1 << 24;
    private HoconValue? ResolveSubstitution(HoconSubstitution substitution, SelfContext? context)
    {
        var path = substitution.Path;
        var selfReference = false;
        for (var c = context; c is not null; c = c.Parent)
        {
            if (!HoconPath.StartsWith(path, c.Path))
            {
                continue;
            }

            selfReference = true;
            if (c.Below is not null && Descend(c.Below, path, c.Path.Length) is { } earlier)
            {
                return earlier;
            }
        }

        var found = selfReference ? null : Lookup(path);
        if (found is null && substitution.OriginalPath is { } original)
        {
            // A substitution in an included file may also mean the path from the application's root.
            path = original;
            found = Lookup(path);
        }

        if (found is not null)
        {
            return found;
        }

        // The spec treats an environment variable set to the empty string as not present.
        var environment = Environment.GetEnvironmentVariable(string.Join('.', path));
        if (!string.IsNullOrEmpty(environment))
        {
            return HoconScalar.String(environment, substitution.Origin);
        }

        if (substitution.Optional)
        {
            return null;
        }

        throw new ConfigException(selfReference
            ? $"Substitution {substitution} at {substitution.Origin} refers to its own field, which has no earlier value to refer to"
            : $"Could not resolve substitution {substitution} at {substitution.Origin}: the path is not set and there is no environment variable '{string.Join('.', path)}' (use ${{?...}} if it is optional)");
    }

    /// <summary>Finds the resolved value at an absolute path, resolving only what the way there needs.</summary>
    private HoconValue? Lookup(string[] path)
    {
        HoconValue node = _root;
        for (var i = 0; i < path.Length; i++)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(path[i], out var child))
            {
                return null;
            }

            if (child is HoconObject && i < path.Length - 1)
            {
                node = child;
                continue;
            }

            var resolved = ResolveAddressable(child, path[..(i + 1)]);
            return resolved is null ? null : Descend(resolved, path, i + 1);
        }

        return null;
    }

    private static HoconValue? Descend(HoconValue value, string[] path, int from)
    {
        for (var i = from; i < path.Length; i++)
        {
            if (value is not HoconObject obj || !obj.TryGetValue(path[i], out value!))
            {
                return null;
            }
        }

        return value;
    }

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, string[] path, SelfContext? context)
    {
        var parts = new List<HoconValue>(concatenation.Parts.Count);
        foreach (var part in concatenation.Parts)
        {
            var resolved = ResolveValue(part, path, context, addressable: false);
            if (resolved is not null)
            {
                parts.Add(resolved);
            }
        }

        while (parts.Count > 0 && parts[0] is HoconScalar { IsWhitespace: true })
        {
            parts.RemoveAt(0);
        }

        while (parts.Count > 0 && parts[^1] is HoconScalar { IsWhitespace: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var first = parts.Find(p => p is not HoconScalar { IsWhitespace: true })!;
        return first switch
        {
            HoconObject => ConcatenateObjects(parts, concatenation),
            HoconArray => ConcatenateArrays(parts, concatenation),
            _ => ConcatenateText(parts, concatenation),
        };
    }

    private static HoconObject ConcatenateObjects(List<HoconValue> parts, HoconConcatenation concatenation)
    {
        HoconObject? result = null;
        foreach (var part in parts)
        {
            if (part is HoconScalar { IsWhitespace: true })
            {
                continue;
            }

            if (part is not HoconObject obj)
            {
                throw MixedConcatenation("an object", part, concatenation);
            }

            result = result is null ? obj : Merger.MergeObjects(result, obj);
        }

        return result!;
    }

    private static HoconArray ConcatenateArrays(List<HoconValue> parts, HoconConcatenation concatenation)
    {
        var items = new List<HoconValue>();
        foreach (var part in parts)
        {
            if (part is HoconScalar { IsWhitespace: true })
            {
                continue;
            }

            if (part is not HoconArray array)
            {
                throw MixedConcatenation("a list", part, concatenation);
            }

            items.AddRange(array.Items);
            if (items.Count > MaxConcatenatedLength)
            {
                throw new ConfigException($"The list concatenated at {concatenation.Origin} has more than {MaxConcatenatedLength} elements");
            }
        }

        return new HoconArray(items, concatenation.Origin);
    }

    private static HoconScalar ConcatenateText(List<HoconValue> parts, HoconConcatenation concatenation)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is not HoconScalar scalar)
            {
                throw MixedConcatenation("a string", part, concatenation);
            }

            // Only a substitution can produce a null here (a literal null is text): it becomes "".
            if (scalar.Kind != ScalarKind.Null)
            {
                sb.Append(scalar.Text);
            }

            if (sb.Length > MaxConcatenatedLength)
            {
                throw new ConfigException($"The string concatenated at {concatenation.Origin} is longer than {MaxConcatenatedLength} characters");
            }
        }

        return HoconScalar.String(sb.ToString(), concatenation.Origin);
    }

    private static ConfigException MixedConcatenation(string expected, HoconValue part, HoconConcatenation concatenation) =>
        new($"Cannot concatenate {expected} with a {part.TypeName} (from {part.Origin}) in the value at {concatenation.Origin}");
}
