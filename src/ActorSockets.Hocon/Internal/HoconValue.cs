namespace ActorSockets.Hocon.Internal;

/// <summary>
/// A node of a HOCON tree. A parsed tree may hold unresolved nodes (substitutions, concatenations
/// and delayed merges); a resolved tree holds only objects, arrays and scalars.
/// </summary>
internal abstract class HoconValue
{
    protected HoconValue(Origin origin) => Origin = origin;

    public Origin Origin { get; }

    /// <summary>The type name used in error messages ("object", "list", "string", ...).</summary>
    public abstract string TypeName { get; }
}
