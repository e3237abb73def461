namespace ActorSockets.Hocon.Internal;

/// <summary>Finds the text of an included name relative to the including config.</summary>
internal abstract class Includer
{
    /// <summary>Opens <paramref name="name"/>, or returns null when it does not exist.</summary>
    public abstract IncludeTarget? Open(string name);

    /// <summary>Describes where names are looked up, for "not found" messages.</summary>
    public abstract string Describe(string name);
}
