using System.Text;

namespace ActorSockets.Actors;

/// <summary>
/// The location of an actor in its system's hierarchy, such as <c>akka://sys/user/parent/child</c>.
/// Paths compare by their elements; two incarnations of an actor share a path.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private readonly ActorPath? _parent;

    private ActorPath(string systemName)
    {
        SystemName = systemName;
        Name = "";
        Depth = 0;
    }

    private ActorPath(ActorPath parent, string name)
    {
        _parent = parent;
        SystemName = parent.SystemName;
        Name = name;
        Depth = parent.Depth + 1;
    }

    /// <summary>The name of the actor system this path belongs to.</summary>
    public string SystemName { get; }

    /// <summary>The last element; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The number of elements below the root.</summary>
    public int Depth { get; }

    /// <summary>The parent path; the root is its own parent.</summary>
    public ActorPath Parent => _parent ?? this;

    /// <summary>The root path of this path's system.</summary>
    public ActorPath Root => _parent is null ? this : _parent.Root;

    /// <summary>The elements below the root, outermost first (<c>["user", "a"]</c>).</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            for (var p = this; p._parent is not null; p = p._parent)
            {
                elements[p.Depth - 1] = p.Name;
            }
            return elements;
        }
    }

    /// <summary>Creates the root path of a system.</summary>
    public static ActorPath CreateRoot(string systemName) => new(systemName);

    /// <summary>Creates the path of a child named <paramref name="name"/>.</summary>
    public static ActorPath operator /(ActorPath parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.Child(name);
    }

    /// <summary>Creates the path of a child named <paramref name="name"/>.</summary>
    public ActorPath Child(string name) => new(this, name);

    /// <summary>The path without the scheme and system, such as <c>/user/a</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (_parent is null)
        {
            return "/";
        }
        var builder = new StringBuilder();
        AppendElements(builder);
        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder("akka://").Append(SystemName);
        if (_parent is null)
        {
            return builder.Append('/').ToString();
        }
        AppendElements(builder);
        return builder.ToString();
    }

    private void AppendElements(StringBuilder builder)
    {
        if (_parent is null)
        {
            return;
        }
        _parent.AppendElements(builder);
        builder.Append('/').Append(Name);
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other.Depth != Depth || other.SystemName != SystemName)
        {
            return false;
        }
        for (ActorPath? a = this, b = other; a is not null && b is not null; a = a._parent, b = b._parent)
        {
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var p = this; p is not null; p = p._parent)
        {
            hash.Add(p.Name, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    /// <summary>Compares by elements.</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares by elements.</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    /// <summary>Orders by the string form.</summary>
    public static bool operator <(ActorPath? left, ActorPath? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Orders by the string form.</summary>
    public static bool operator >(ActorPath? left, ActorPath? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Orders by the string form.</summary>
    public static bool operator <=(ActorPath? left, ActorPath? right) => !(left > right);

    /// <summary>Orders by the string form.</summary>
    public static bool operator >=(ActorPath? left, ActorPath? right) => !(left < right);
}
