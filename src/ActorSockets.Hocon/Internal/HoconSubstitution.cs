namespace ActorSockets.Hocon.Internal;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, resolved after all merging.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(string[] path, bool optional, Origin origin, string[]? originalPath = null)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        OriginalPath = originalPath;
    }

    /// <summary>The absolute path looked up first (for an included file, prefixed with where it was included).</summary>
    public string[] Path { get; }

    /// <summary>For a substitution in an included file, the path as written, looked up when <see cref="Path"/> is not set.</summary>
    public string[]? OriginalPath { get; }

    public bool Optional { get; }

    public override string TypeName => "substitution";

    public override string ToString() => "${" + (Optional ? "?" : "") + HoconPath.Render(Path) + "}";
}
