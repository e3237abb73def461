using System.Reflection;

namespace ActorSockets.Benchmarks.Echo;

/// <summary>Finds every <see cref="IEchoServerImpl"/> in this assembly; the raw baseline comes first.</summary>
public static class EchoServerRegistry
{
    /// <summary>The name of the baseline every other implementation is compared with.</summary>
    public const string BaselineName = "raw";

    /// <summary>
    /// The name of the second reference: the actor echo server on Akka.IO's own TCP manager, which the ActorSockets
    /// transport is also compared with.
    /// </summary>
    public const string AkkaName = "akka";

    private static readonly Lazy<IReadOnlyList<IEchoServerImpl>> Discovered = new(Discover);

    /// <summary>Gets every implementation, the baseline first, then by name.</summary>
    public static IReadOnlyList<IEchoServerImpl> All => Discovered.Value;

    /// <summary>Finds the implementation called <paramref name="name"/>, or returns null.</summary>
    public static IEchoServerImpl? Find(string name) =>
        All.FirstOrDefault(impl => string.Equals(impl.Name, name, StringComparison.Ordinal));

    private static List<IEchoServerImpl> Discover()
    {
        var impls = typeof(EchoServerRegistry).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsPublic: true }
                && typeof(IEchoServerImpl).IsAssignableFrom(type)
                && type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .Select(type => (IEchoServerImpl)Activator.CreateInstance(type)!)
            .OrderBy(impl => impl.Name == BaselineName ? 0 : 1)
            .ThenBy(impl => impl.Name, StringComparer.Ordinal)
            .ToList();
        var duplicate = impls.GroupBy(impl => impl.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two echo server implementations are both called '{duplicate.Key}'");
        }

        return impls;
    }
}
