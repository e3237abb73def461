namespace ActorSockets.Actors.Internal;

/// <summary>
/// An actor's children by name. Guarded by a lock because the user guardian's children are created
/// from any thread (<c>system.ActorOf</c>) and selections read children from any thread; the owner
/// otherwise holds it only for a few dictionary operations, never while running user code.
/// A stopped child keeps its name until the parent processes its termination.
/// </summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, InternalActorRef> _byName = new(StringComparer.Ordinal);
    private HashSet<IActorRef>? _stopping;

    public int Count
    {
        get
        {
            lock (_byName)
            {
                return _byName.Count;
            }
        }
    }

    public int StoppingCount
    {
        get
        {
            lock (_byName)
            {
                return _stopping?.Count ?? 0;
            }
        }
    }

    public void Add(string name, InternalActorRef child)
    {
        lock (_byName)
        {
            if (!_byName.TryAdd(name, child))
            {
                throw new InvalidActorNameException($"The actor name [{name}] is not unique: a sibling with that name exists or is still stopping.");
            }
        }
    }

    public InternalActorRef? Get(string name)
    {
        lock (_byName)
        {
            return _byName.GetValueOrDefault(name);
        }
    }

    public bool Contains(IActorRef child)
    {
        lock (_byName)
        {
            return _byName.TryGetValue(child.Path.Name, out var current) && ReferenceEquals(current, child);
        }
    }

    /// <summary>Removes a child that terminated; false when it is not (or no longer) a child.</summary>
    public bool Remove(IActorRef child)
    {
        lock (_byName)
        {
            _stopping?.Remove(child);
            if (_byName.TryGetValue(child.Path.Name, out var current) && ReferenceEquals(current, child))
            {
                _byName.Remove(child.Path.Name);
                return true;
            }
            return false;
        }
    }

    /// <summary>Whether the parent asked <paramref name="child"/> to stop.</summary>
    public bool IsStopping(IActorRef child)
    {
        lock (_byName)
        {
            return _stopping?.Contains(child) ?? false;
        }
    }

    /// <summary>Records that the parent asked <paramref name="child"/> to stop; false when it is not a child.</summary>
    public bool MarkStopping(IActorRef child)
    {
        lock (_byName)
        {
            if (_byName.TryGetValue(child.Path.Name, out var current) && ReferenceEquals(current, child))
            {
                (_stopping ??= []).Add(child);
                return true;
            }
            return false;
        }
    }

    public InternalActorRef[] Snapshot(bool includeStopping = true)
    {
        lock (_byName)
        {
            if (_byName.Count == 0)
            {
                return [];
            }
            if (includeStopping || _stopping is null or { Count: 0 })
            {
                return [.. _byName.Values];
            }
            return [.. _byName.Values.Where(child => !_stopping.Contains(child))];
        }
    }
}
