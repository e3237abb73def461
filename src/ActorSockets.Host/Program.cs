using ActorSockets.Host.Internal;

try
{
    return await new HostRunner(Console.Out, Console.Error).RunAsync(args).ConfigureAwait(false);
}
#pragma warning disable CA1031 // The last resort: one line on stderr instead of a crash dump, and a failing exit code.
catch (Exception ex)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync($"actorsockets: unexpected error: {ex.GetType().Name}: {SafeLineFormatter.Escape(ex.Message)}").ConfigureAwait(false);
    return HostRunner.ExitShutdownFailed;
}
