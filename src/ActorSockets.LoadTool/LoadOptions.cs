namespace ActorSockets.LoadTool;

/// <summary>Everything one load run needs to know; the command line maps onto these properties one to one.</summary>
public sealed record LoadOptions
{
    /// <summary>Gets the host name or address to connect to. Defaults to 127.0.0.1.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Gets the TCP port to connect to. Defaults to 7007.</summary>
    public int Port { get; init; } = 7007;

    /// <summary>Gets the Unix domain socket path to connect to instead of host and port. Defaults to none.</summary>
    public string? UnixPath { get; init; }

    /// <summary>Gets what the run does. Defaults to <see cref="LoadMode.Echo"/>.</summary>
    public LoadMode Mode { get; init; } = LoadMode.Echo;

    /// <summary>Gets the number of connections (in connect-storm mode: concurrent workers). Defaults to 100.</summary>
    public int Connections { get; init; } = 100;

    /// <summary>Gets the size of one message in bytes. Defaults to 64.</summary>
    public int Size { get; init; } = 64;

    /// <summary>Gets how many messages each connection sends before waiting for their echoes. Defaults to 1.</summary>
    public int Pipeline { get; init; } = 1;

    /// <summary>Gets how long the measured part of the run lasts. Defaults to 10 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long the load runs, after every connection is open, before measuring starts. Defaults to 1 s.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how many connects may be in progress at once while opening connections. Defaults to 100.</summary>
    public int RampConcurrency { get; init; } = 100;

    /// <summary>Gets how long one connect may take before it counts as failed. Defaults to 5 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets how long a reply may take before the connection is dropped as failed. Defaults to 10 s.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets whether connect-storm mode makes one round trip on each connection. Defaults to true.</summary>
    public bool StormRoundTrip { get; init; } = true;

    /// <summary>Gets whether the final result is printed as JSON on stdout instead of a table. Defaults to false.</summary>
    public bool Json { get; init; }

    /// <summary>Gets whether progress lines are suppressed. Defaults to false.</summary>
    public bool Quiet { get; init; }

    /// <summary>Gets whether targets other than loopback are allowed. Defaults to false: load stays on this machine.</summary>
    public bool AllowRemote { get; init; }
}
