namespace ActorSockets.Hocon.Internal;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, resolved after all merging.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(string[] path, bool optional, Origin origin)
        : base(origin)
    {
        Path = path;
        Optional = optional;
    }

    public string[] Path { get; }

    public bool Optional { get; }

    public override string TypeName => "substitution";

    public override string ToString() => "${" + (Optional ? "?" : "") + HoconPath.Render(Path) + "}";
}
