using ActorSockets.Hocon.Internal;

namespace ActorSockets.Hocon;

/// <summary>
/// An immutable HOCON configuration in Akka.NET's shape: typed getters by path
/// (<c>config.GetTimeSpan("akka.io.tcp.register-timeout")</c>), layering with
/// <see cref="WithFallback"/>, and rendering back to HOCON.
/// </summary>
/// <remarks>
/// <para>
/// A config holds its merged, unresolved tree. Substitutions (<c>${path}</c>) are resolved against the
/// whole merged tree the first time a value is read, and the result is cached; so a substitution in an
/// application config can refer to a default that only a fallback supplies, and a fallback's
/// substitutions see the application's overrides. Resolution errors (an undefined required
/// substitution, a cycle) surface as <see cref="ConfigException"/> from the first getter, or
/// from <see cref="Resolve"/> to check eagerly.
/// </para>
/// <para>
/// Libraries ship their defaults as an embedded <c>reference.conf</c>, embedded with
/// <c>&lt;EmbeddedResource Include="reference.conf" LogicalName="&lt;AssemblyName&gt;.reference.conf" /&gt;</c>
/// in the library's project file, and applications read them with <see cref="ConfigFactory.Load"/>.
/// </para>
/// </remarks>
public sealed partial class Config
{
    private readonly HoconObject _root;
    private readonly string _prefix;
    private HoconObject? _resolved;

    /// <param name="root">The merged, possibly unresolved tree.</param>
    /// <param name="resolved">The resolved tree when already known.</param>
    /// <param name="prefix">Where this config sits in the config it was taken from, so messages name full paths.</param>
    internal Config(HoconObject root, HoconObject? resolved = null, string prefix = "")
    {
        _root = root;
        _resolved = resolved;
        _prefix = prefix;
    }

    /// <summary>
    /// Wraps a resolved object as a config of its own. Its root accepts fallbacks even if the object
    /// replaced a non-object value where it came from, so <c>GetConfig(x).WithFallback(defaults)</c> merges.
    /// </summary>
    internal static Config FromResolved(HoconObject obj, string prefix)
    {
        var root = obj.AsRoot();
        return new Config(root, root, prefix);
    }

    /// <summary>A config with no values.</summary>
    public static Config Empty { get; } = new(HoconObject.Empty, HoconObject.Empty);

    /// <summary>True when the config has no fields at all.</summary>
    public bool IsEmpty => _root.Count == 0;

    /// <summary>The keys of the root object, in the order they were first written.</summary>
    public IEnumerable<string> Keys => Resolved.Keys;

    internal HoconObject Resolved
    {
        get
        {
            var resolved = Volatile.Read(ref _resolved);
            if (resolved is not null)
            {
                return resolved;
            }

            // Resolution is a pure function of the immutable tree: two threads racing here compute
            // equal results, and the first one stored wins.
            resolved = Resolver.Resolve(_root);
            return Interlocked.CompareExchange(ref _resolved, resolved, null) ?? resolved;
        }
    }

    /// <summary>
    /// Resolves all substitutions now (they are otherwise resolved on first read) and returns this config.
    /// Throws <see cref="ConfigException"/> for an undefined required substitution or a cycle.
    /// </summary>
    public Config Resolve()
    {
        _ = Resolved;
        return this;
    }

    /// <summary>
    /// Returns a config whose values come from this one, and from <paramref name="fallback"/> where this
    /// one has none. Objects merge key by key; substitutions of both resolve against the merged result.
    /// </summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback.IsEmpty || ReferenceEquals(fallback, this))
        {
            return this;
        }

        if (IsEmpty)
        {
            return fallback;
        }

        return new Config(Merger.MergeObjects(fallback._root, _root), prefix: _prefix);
    }

    /// <summary>
    /// Applies <c>path=value</c> overrides (as given to the host's <c>--set</c>) on top of this config.
    /// Each value is parsed as a HOCON value: <c>a.b=5</c>, <c>a.c="x y"</c>, <c>a.d=[1,2]</c>, <c>a.e=${a.b}</c>.
    /// A malformed override throws <see cref="HoconParseException"/> naming it.
    /// </summary>
    public Config WithOverrides(IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var top = new HoconObject(Origin.None);
        foreach (var entry in overrides)
        {
            var source = $"override '{entry}'";
            var equals = FindSeparator(entry);
            if (equals <= 0)
            {
                throw new HoconParseException("expected path=value", source, 1, 1);
            }

            var pathText = entry[..equals];
            var path = HoconPath.TryParse(pathText, out var error)
                ?? throw new HoconParseException($"invalid path '{pathText}': {error}", source, 1, 1);
            HoconValue value;
            try
            {
                value = Parser.ParseSingleValue(entry[(equals + 1)..], source);
            }
            catch (HoconParseException ex)
            {
                throw new HoconParseException(ex.Reason ?? ex.Message, source, ex.Line, ex.Column + equals + 1, ex);
            }

            for (var i = path.Length - 1; i > 0; i--)
            {
                var wrapper = new HoconObject(value.Origin, 1);
                wrapper.Set(path[i], value);
                value = wrapper;
            }

            Merger.MergeInto(top, path[0], value);
        }

        return top.Count == 0 ? this : new Config(Merger.MergeObjects(_root, top), prefix: _prefix);
    }

    /// <summary>Renders the resolved config as HOCON text that parses back to an equal config.</summary>
    public string Render() => Renderer.Render(Resolved);

    /// <inheritdoc cref="Render"/>
    public override string ToString() => Render();

    private static int FindSeparator(string entry)
    {
        var inQuotes = false;
        for (var i = 0; i < entry.Length; i++)
        {
            var c = entry[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '=' && !inQuotes)
            {
                return i;
            }
        }

        return -1;
    }
}
