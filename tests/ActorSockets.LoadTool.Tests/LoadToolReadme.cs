namespace ActorSockets.LoadTool.Tests;

/// <summary>The load tool's README as built next to the tests (see the project file).</summary>
internal static class LoadToolReadme
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "LoadToolReadme.md"));
}
