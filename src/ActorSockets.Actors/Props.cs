using System.Linq.Expressions;
using System.Reflection;
using ActorSockets.Actors.Internal;

namespace ActorSockets.Actors;

/// <summary>
/// An immutable recipe for an actor: how to construct it (again on every restart), its supervisor
/// strategy, dispatcher and mailbox. Reuse one <c>Props</c> for many actors.
/// </summary>
public sealed class Props
{
    /// <summary>The dispatcher used when none is named: <c>default-dispatcher</c>.</summary>
    public const string DefaultDispatcherId = "default-dispatcher";

    private readonly Func<ActorBase> _factory;

    private Props(
        Type actorType, Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy, string dispatcher, string? mailbox,
        bool runsInlineWhenIdle = false)
    {
        ActorType = actorType;
        _factory = factory;
        SupervisorStrategy = supervisorStrategy;
        Dispatcher = dispatcher;
        Mailbox = mailbox;
        RunsInlineWhenIdle = runsInlineWhenIdle;
    }

    /// <summary>The class of the actor.</summary>
    public Type ActorType { get; }

    /// <summary>The strategy that supervises this actor's children; null uses the actor's own <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>The dispatcher id. Defaults to <see cref="DefaultDispatcherId"/>.</summary>
    public string Dispatcher { get; }

    /// <summary>The mailbox id from <c>actorsockets.actor.mailboxes</c>, or null for the default unbounded mailbox.</summary>
    public string? Mailbox { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<T>() where T : ActorBase, new() =>
        new(typeof(T), static () => new T(), null, DefaultDispatcherId, null);

    /// <summary>
    /// Props from a constructor call such as <c>() =&gt; new Worker(queue, 3)</c>. The arguments are
    /// evaluated once, now; every incarnation of the actor is constructed with them.
    /// </summary>
    public static Props Create<T>(Expression<Func<T>> factory) where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(typeof(T), ExpressionFactory.Build(factory), null, DefaultDispatcherId, null);
    }

    /// <summary>Props for <paramref name="actorType"/> constructed with <paramref name="args"/>.</summary>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType))
        {
            throw new ArgumentException($"{actorType} is not an actor (it does not derive from ActorBase).", nameof(actorType));
        }
        var arguments = args ?? [];
        return new(actorType, () => (ActorBase)Activator.CreateInstance(actorType, arguments)!, null, DefaultDispatcherId, null);
    }

    /// <summary>Props from a factory delegate, called for every incarnation; the fastest way to create many actors.</summary>
    public static Props FromProducer<T>(Func<T> producer) where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(producer);
        return new(typeof(T), producer, null, DefaultDispatcherId, null);
    }

    /// <summary>A copy whose children are supervised by <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new(ActorType, _factory, strategy, Dispatcher, Mailbox, RunsInlineWhenIdle);
    }

    /// <summary>A copy that runs on the dispatcher <paramref name="dispatcherId"/>.</summary>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dispatcherId);
        return new(ActorType, _factory, SupervisorStrategy, dispatcherId, Mailbox, RunsInlineWhenIdle);
    }

    /// <summary>A copy that uses the mailbox configured as <paramref name="mailboxId"/>.</summary>
    public Props WithMailbox(string mailboxId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailboxId);
        return new(ActorType, _factory, SupervisorStrategy, Dispatcher, mailboxId, RunsInlineWhenIdle);
    }

    /// <summary>
    /// Whether the actor runs at once on the thread of an actor run that tells it something while it is idle,
    /// instead of being queued for the thread pool. Only for actors that never block and whose runs are short:
    /// the IO layer's connection actors, whose runs are a non-blocking send, at most one read, or their start
    /// (socket options and the Connected announcement). Defaults to false.
    /// </summary>
    internal bool RunsInlineWhenIdle { get; }

    /// <summary>A copy with <see cref="RunsInlineWhenIdle"/> set.</summary>
    internal Props WithRunsInlineWhenIdle() => new(ActorType, _factory, SupervisorStrategy, Dispatcher, Mailbox, runsInlineWhenIdle: true);

    internal ActorBase NewActor() => _factory();

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name}, dispatcher={Dispatcher}, mailbox={Mailbox ?? "default"})";

    private static class ExpressionFactory
    {
        public static Func<ActorBase> Build<T>(Expression<Func<T>> factory) where T : ActorBase
        {
            if (factory.Body is NewExpression { Constructor: { } constructor } newExpression)
            {
                var args = new object?[newExpression.Arguments.Count];
                for (var i = 0; i < args.Length; i++)
                {
                    args[i] = Evaluate(newExpression.Arguments[i]);
                }
                return () => (ActorBase)Construct(constructor, args);
            }
            var compiled = factory.Compile();
            return () => compiled();
        }

        private static object Construct(ConstructorInfo constructor, object?[] args)
        {
            try
            {
                return constructor.Invoke(args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        private static object? Evaluate(Expression expression)
        {
            switch (expression)
            {
                case ConstantExpression constant:
                    return constant.Value;
                case MemberExpression { Member: FieldInfo field } member:
                    return field.GetValue(member.Expression is null ? null : Evaluate(member.Expression));
                case MemberExpression { Member: PropertyInfo property } member:
                    return property.GetValue(member.Expression is null ? null : Evaluate(member.Expression));
                default:
                    var lambda = Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object)));
                    return lambda.Compile(preferInterpretation: true)();
            }
        }
    }
}
