namespace ActorSockets.Actors.Internal;

internal sealed partial class ActorCell
{
    private const string NameCharacters = "-_.*$+:@&=,!~';";
    private long _nameCounter;

    public IEnumerable<IActorRef> Children => ChildrenSnapshot();

    public IActorRef ActorOf(Props props, string? name = null) => MakeChild(props, name);

    public IActorRef Child(string name) => (IActorRef?)_children?.Get(name) ?? ActorRefs.Nobody;

    /// <summary>The children now, including stopping ones (thread-safe).</summary>
    public InternalActorRef[] ChildrenSnapshot() => Volatile.Read(ref _children)?.Snapshot() ?? [];

    /// <summary>Creates a child (thread-safe, so that <c>system.ActorOf</c> works from any thread).</summary>
    public LocalActorRef MakeChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (IsTerminating)
        {
            throw new InvalidOperationException($"Cannot create a child of {_self.Path}: it is stopping.");
        }
        if (name is null)
        {
            name = RandomName();
        }
        else
        {
            ValidateName(name);
        }
        var cell = new ActorCell(_system, props, _self.Path / name, _self);
        var children = ChildrenOrCreate();
        children.Add(name, cell.SelfRef);
        cell.Start();
        // Race with our own termination (system.ActorOf while the guardian stops): termination sets
        // its flag before it snapshots the children, and we added the child before reading the flag,
        // so either the snapshot contains the child or we see the flag and stop the child ourselves.
        if (IsTerminating && children.MarkStopping(cell.SelfRef))
        {
            cell.SelfRef.SendSystemMessage(new Terminate());
        }
        return cell.SelfRef;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, _self))
        {
            Mailbox.PostSystem(new Terminate());
            return;
        }
        if (actor is InternalActorRef internalRef && (_children?.MarkStopping(actor) ?? false))
        {
            internalRef.SendSystemMessage(new Terminate());
            return;
        }
        _system.Stop(actor);
    }

    private ChildrenContainer ChildrenOrCreate()
    {
        var children = Volatile.Read(ref _children);
        if (children is not null)
        {
            return children;
        }
        Interlocked.CompareExchange(ref _children, new ChildrenContainer(), null);
        return _children!;
    }

    private string RandomName()
    {
        var n = Interlocked.Increment(ref _nameCounter) - 1;
        Span<char> buffer = stackalloc char[16];
        var position = buffer.Length;
        do
        {
            buffer[--position] = (char)('a' + (n % 26));
            n /= 26;
        }
        while (n > 0);
        buffer[--position] = '$';
        return new string(buffer[position..]);
    }

    /// <summary>Akka's rule: not empty, does not start with <c>$</c>, letters, digits and <c>-_.*$+:@&amp;=,!~';</c> only.</summary>
    internal static void ValidateName(string name)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException("An actor name must not be empty.");
        }
        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"The actor name [{name}] must not start with '$' (reserved for generated names).");
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !NameCharacters.Contains(c, StringComparison.Ordinal))
            {
                throw new InvalidActorNameException(
                    $"The actor name [{name}] contains '{c}'; use ASCII letters, digits and {NameCharacters} only.");
            }
        }
    }
}
