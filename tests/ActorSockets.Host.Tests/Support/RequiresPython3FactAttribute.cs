namespace ActorSockets.Host.Tests.Support;

/// <summary>A fact that is skipped, saying why, when <c>python3</c> is not on the PATH.</summary>
public sealed class RequiresPython3FactAttribute : FactAttribute
{
    public RequiresPython3FactAttribute()
    {
        if (!OnPath("python3"))
        {
            Skip = "needs python3 on the PATH to run the tutorial's Python client; install python3 to run it";
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
