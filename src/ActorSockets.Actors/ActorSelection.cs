using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// Actors chosen by a path, resolved each time a message is told: an absolute path
/// (<c>/user/a/b</c> or <c>akka://sys/user/a/b</c>) or one relative to an anchor (<c>child</c>,
/// <c>../sibling</c>). Elements may use the wildcards <c>*</c> and <c>?</c>. An <see cref="Identify"/>
/// told to a selection that matches nothing is answered with an empty <see cref="ActorIdentity"/>.
/// </summary>
public sealed class ActorSelection : ICanTell
{
    private readonly ActorSystemImpl _system;
    private readonly IActorRef _anchor;
    private readonly string[] _elements;

    internal ActorSelection(ActorSystemImpl system, IActorRef anchor, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _system = system;
        PathString = path;
        var relative = path;
        if (path.StartsWith("akka://", StringComparison.Ordinal))
        {
            var slash = path.IndexOf('/', "akka://".Length);
            relative = slash < 0 ? "/" : path[slash..];
        }
        if (relative.StartsWith('/'))
        {
            _anchor = system.RootRef;
            relative = relative[1..];
        }
        else
        {
            _anchor = anchor;
        }
        _elements = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    internal ActorSystemImpl System => _system;

    /// <summary>The path this selection was created with.</summary>
    public string PathString { get; }

    /// <summary>The actors the path matches right now.</summary>
    public IReadOnlyList<IActorRef> Resolve()
    {
        var current = new List<IActorRef> { _anchor };
        foreach (var element in _elements)
        {
            var next = new List<IActorRef>();
            foreach (var actor in current)
            {
                if (element == "..")
                {
                    if (actor is LocalActorRef { Cell.ParentRef: LocalActorRef parent })
                    {
                        next.Add(parent);
                    }
                }
                else if (element == ".")
                {
                    next.Add(actor);
                }
                else if (actor is LocalActorRef local)
                {
                    if (element.Contains('*', StringComparison.Ordinal) || element.Contains('?', StringComparison.Ordinal))
                    {
                        next.AddRange(local.Cell.ChildrenSnapshot().Where(c => !c.IsTerminated && Matches(element, c.Path.Name)));
                    }
                    else if (local.Cell.Child(element) is LocalActorRef child && !child.IsTerminated)
                    {
                        next.Add(child);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    /// <summary>Tells <paramref name="message"/> to every matching actor.</summary>
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var targets = Resolve();
        if (targets.Count == 0)
        {
            if (message is Identify identify)
            {
                sender?.Tell(new ActorIdentity(identify.MessageId, null), _system.DeadLetters);
            }
            else
            {
                _system.DeadLetterRef.Publish(message, sender, _system.DeadLetters);
            }
            return;
        }
        foreach (var target in targets)
        {
            target.Tell(message, sender);
        }
    }

    /// <summary>
    /// The single actor the path matches now. Local resolution is immediate, so
    /// <paramref name="timeout"/> (kept for Akka.NET compatibility) is never reached.
    /// </summary>
    /// <exception cref="ActorNotFoundException">Nothing matches.</exception>
    public Task<IActorRef> ResolveOne(TimeSpan timeout)
    {
        var targets = Resolve();
        return targets.Count > 0
            ? Task.FromResult(targets[0])
            : Task.FromException<IActorRef>(new ActorNotFoundException($"No actor matches the selection [{PathString}]."));
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{PathString}]";

    private static bool Matches(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
