namespace ActorSockets.LoadTool;

/// <summary>The figures of one load run. Operations and latencies cover the measured window; errors cover the whole run.</summary>
public sealed record LoadResult
{
    /// <summary>Gets the options the run used.</summary>
    public required LoadOptions Options { get; init; }

    /// <summary>Gets the length of the measured window.</summary>
    public required TimeSpan Measured { get; init; }

    /// <summary>Gets the completed operations in the window: echoed messages, or connects in connect-storm mode.</summary>
    public required long Operations { get; init; }

    /// <summary>Gets the operations per second in the window.</summary>
    public double OperationsPerSecond => Measured > TimeSpan.Zero ? Operations / Measured.TotalSeconds : 0;

    /// <summary>Gets the latency distribution of the window's operations, in nanoseconds.</summary>
    public required LatencyHistogram Latency { get; init; }

    /// <summary>Gets the bytes echoed back and found identical to what was sent, over the whole run.</summary>
    public required long BytesVerified { get; init; }

    /// <summary>Gets the number of failures of each kind over the whole run; kinds that never happened are absent.</summary>
    public required IReadOnlyDictionary<LoadErrorKind, long> Errors { get; init; }

    /// <summary>Gets the first message seen for each kind of failure, to say what went wrong.</summary>
    public required IReadOnlyDictionary<LoadErrorKind, string> FirstErrorMessages { get; init; }

    /// <summary>Gets the number of connections open when the window closed.</summary>
    public required int OpenConnections { get; init; }

    /// <summary>Gets the number of messages whose echo differed from what was sent, over the whole run.</summary>
    public long Mismatches => Errors.TryGetValue(LoadErrorKind.Mismatch, out var count) ? count : 0;

    /// <summary>Gets the total number of failures of every kind.</summary>
    public long ErrorCount => Errors.Values.Sum();
}
