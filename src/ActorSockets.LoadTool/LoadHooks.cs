namespace ActorSockets.LoadTool;

/// <summary>
/// Callbacks that let a caller running the load in-process observe it: the benchmark orchestrator samples the
/// server's CPU time and memory exactly when the measured window opens and closes.
/// </summary>
public sealed record LoadHooks
{
    /// <summary>Gets where the per-second progress lines go. Defaults to none.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Gets what runs just before the measured window opens (after ramp and warmup). Defaults to none.</summary>
    public Func<CancellationToken, Task>? MeasurementStarting { get; init; }

    /// <summary>Gets what runs just after the measured window closes, before connections are closed. Defaults to none.</summary>
    public Func<CancellationToken, Task>? MeasurementEnded { get; init; }
}
