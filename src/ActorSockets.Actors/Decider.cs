namespace ActorSockets.Actors;

/// <summary>Builds decider functions for supervisor strategies.</summary>
public static class Decider
{
    /// <summary>
    /// A decider that picks the directive of the first entry whose exception type matches the failure
    /// (subclasses included), and <paramref name="defaultDirective"/> when none does.
    /// </summary>
    public static Func<Exception, Directive> From(Directive defaultDirective, params (Type ExceptionType, Directive Directive)[] pairs)
    {
        var entries = pairs ?? [];
        return cause =>
        {
            foreach (var (type, directive) in entries)
            {
                if (type.IsInstanceOfType(cause))
                {
                    return directive;
                }
            }
            return defaultDirective;
        };
    }
}
