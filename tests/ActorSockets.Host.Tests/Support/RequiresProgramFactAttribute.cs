namespace ActorSockets.Host.Tests.Support;

/// <summary>A fact that is skipped, naming the missing dependency, when <c>program</c> is not on the PATH.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresProgramFactAttribute : FactAttribute
{
    public RequiresProgramFactAttribute(string program, string purpose)
    {
        Program = program;
        if (!OnPath(program))
        {
            Skip = $"needs {program} on the PATH ({purpose}); install it to run this test";
        }
    }

    public string Program { get; }

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
