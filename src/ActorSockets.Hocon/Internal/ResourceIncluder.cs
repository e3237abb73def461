using System.Reflection;

namespace ActorSockets.Hocon.Internal;

/// <summary>
/// Resolves includes inside an embedded resource as other resources of the same assembly: first
/// with the including resource's prefix (<c>Lib.reference.conf</c> including <c>x.conf</c> finds
/// <c>Lib.x.conf</c>), then by the exact name.
/// </summary>
internal sealed class ResourceIncluder : Includer
{
    private readonly Assembly _assembly;
    private readonly string _prefix;

    public ResourceIncluder(Assembly assembly, string resourceName)
    {
        _assembly = assembly;
        var withoutExtension = resourceName.EndsWith(".conf", StringComparison.Ordinal) ? resourceName[..^5] : resourceName;
        var lastDot = withoutExtension.LastIndexOf('.');
        _prefix = lastDot < 0 ? "" : withoutExtension[..(lastDot + 1)];
    }

    public override IncludeTarget? Open(string name)
    {
        var normalized = name.Replace('/', '.').Replace('\\', '.');
        foreach (var candidate in new[] { _prefix + normalized, normalized })
        {
            var text = ConfigFactory.ReadResource(_assembly, candidate);
            if (text is not null)
            {
                var source = $"{_assembly.GetName().Name}:{candidate}";
                return new IncludeTarget(text, source, source, new ResourceIncluder(_assembly, candidate));
            }
        }

        return null;
    }

    public override string Describe(string name) => $"resources '{_prefix}{name}' and '{name}' of {_assembly.GetName().Name}";
}
