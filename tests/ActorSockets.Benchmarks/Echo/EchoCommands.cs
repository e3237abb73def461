namespace ActorSockets.Benchmarks.Echo;

/// <summary>
/// The benchmark project's echo subcommands: <c>echo-server</c> runs one implementation as a process of its own,
/// <c>echo-compare</c> runs every implementation under the same loads and prints the ratios to the raw baseline.
/// Any other command line belongs to BenchmarkDotNet.
/// </summary>
public static class EchoCommands
{
    /// <summary>Gets whether <paramref name="args"/> name one of the echo subcommands.</summary>
    public static bool Handles(IReadOnlyList<string> args) =>
        args is [EchoServerCommand.Name, ..] or [EchoCompareCommand.Name, ..];

    /// <summary>Runs the echo subcommand <paramref name="args"/> name and returns the process exit code.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args.Skip(1).ToArray();
        return args[0] == EchoServerCommand.Name ? EchoServerCommand.RunAsync(rest) : EchoCompareCommand.RunAsync(rest);
    }
}
