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
        var refersToDefinedField = false;
        for (var c = context; c is not null; c = c.Parent)
        {
            if (!HoconPath.StartsWith(path, c.Path))
            {
                continue;
            }

            selfReference = true;
            refersToDefinedField |= path.Length == c.Path.Length;
            // From inside an object of the definition, look forward: a later definition of the field first,
            // then the one being resolved. A substitution that is itself the definition (foo : ${foo.a})
            // is self-referential and only looks back, as the spec's examples require.
            if (!refersToDefinedField && !ReferenceEquals(c, context)
                && (FindInLaterDefinitions(c, path) ?? FindInDefinition(c, path)) is { } sibling)
            {
                return ResolveDefinitionNode(sibling, path, c, substitution);
            }

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

    /// <summary>
    /// Finds the node at <paramref name="path"/> in the definitions of the field that come after the one
    /// being resolved, latest first, as far as they are objects (an object concatenation's object parts
    /// count; any other kind of definition ends the search, since it cannot be looked into unresolved).
    /// </summary>
    private static HoconValue? FindInLaterDefinitions(SelfContext context, string[] path)
    {
        var later = context.Later;
        for (var i = later.Count - 1; i >= 0; i--)
        {
            var definition = later[i];
            if (definition is not (HoconObject or HoconConcatenation))
            {
                return null;
            }

            var node = definition;
            for (var s = context.Path.Length; s < path.Length && node is not null; s++)
            {
                node = node switch
                {
                    HoconObject obj => obj.TryGetValue(path[s], out var child) ? child : null,
                    HoconConcatenation concatenation => LastObjectPartField(concatenation, path[s]),
                    _ => null,
                };
            }

            if (node is not null)
            {
                return node;
            }
        }

        return null;
    }

    private static HoconValue? LastObjectPartField(HoconConcatenation concatenation, string key)
    {
        for (var p = concatenation.Parts.Count - 1; p >= 0; p--)
        {
            if (concatenation.Parts[p] is HoconObject part && part.TryGetValue(key, out var found))
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Finds the node at <paramref name="path"/> inside the definition <paramref name="context"/> is resolving,
    /// through objects and the parts of an object concatenation (later parts first). A part that is itself a
    /// substitution (<c>${defaults}</c> in <c>ok = ${defaults} { ... }</c>) is resolved to look inside it.
    /// </summary>
    private HoconValue? FindInDefinition(SelfContext context, string[] path)
    {
        var node = context.Layer;
        for (var i = context.Path.Length; i < path.Length; i++)
        {
            HoconValue? next = null;
            if (node is HoconObject obj)
            {
                obj.TryGetValue(path[i], out next!);
            }
            else if (node is HoconConcatenation concatenation)
            {
                for (var p = concatenation.Parts.Count - 1; p >= 0 && next is null; p--)
                {
                    var part = concatenation.Parts[p];
                    if (part is HoconObject objectPart)
                    {
                        objectPart.TryGetValue(path[i], out next!);
                    }
                    else if (part is HoconSubstitution or HoconConcatenation
                        && ResolvePartOnce(part, context) is HoconObject resolvedPart)
                    {
                        // Already resolved: the rest of the path is read from it directly.
                        return Descend(resolvedPart, path, i);
                    }
                }
            }

            if (next is null)
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    /// <summary>Resolves a concatenation part to look inside it, unless that part is already being looked into (then: not found).</summary>
    private HoconValue? ResolvePartOnce(HoconValue part, SelfContext context)
    {
        if (!_layerNodesInProgress.Add(part))
        {
            return null;
        }

        try
        {
            return ResolveValue(part, context.Path, context, addressable: false);
        }
        finally
        {
            _layerNodesInProgress.Remove(part);
        }
    }

    private HoconValue? ResolveDefinitionNode(HoconValue node, string[] path, SelfContext context, HoconSubstitution substitution)
    {
        if (!_layerNodesInProgress.Add(node))
        {
            throw new ConfigException($"Cycle in substitutions: {substitution} at {substitution.Origin} refers back to itself through '{HoconPath.Render(path)}'");
        }

        try
        {
            return ResolveField(node, path, context, addressable: false);
        }
        finally
        {
            _layerNodesInProgress.Remove(node);
        }
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
