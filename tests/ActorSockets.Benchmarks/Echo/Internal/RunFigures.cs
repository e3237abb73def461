namespace ActorSockets.Benchmarks.Echo.Internal;

/// <summary>What one run of one scenario against one implementation measured.</summary>
internal sealed record RunFigures(
    double RatePerSecond,
    long P50Nanoseconds,
    long P99Nanoseconds,
    long P999Nanoseconds,
    double CpuSecondsPerOperation,
    double ResidentBytesPerConnection,
    double HeapBytesPerConnection,
    int ConnectionsHeld,
    long Errors);
