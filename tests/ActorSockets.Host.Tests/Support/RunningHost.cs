namespace ActorSockets.Host.Tests.Support;

/// <summary>
/// One real host shared by the endpoint tests: every tutorial endpoint on a free port, <c>ok</c> with a
/// 1 s idle timeout so its <c>Time out</c> is quick to observe, and a second ok endpoint, <c>ok-patient</c>,
/// with the tutorial's 10 s, added purely through <c>--set</c>. Its endpoints use the default manager
/// (the ActorSockets transport); <see cref="RunningAkkaHost"/> is the same host on Akka.IO's managers.
/// </summary>
public class RunningHost : IAsyncLifetime
{
    /// <summary>The io-manager every endpoint of this host uses, as the banner shows it.</summary>
    public virtual string IoManager => "actorsockets";

    private HostProcess? _process;

    public HostProcess Process => _process ?? throw new InvalidOperationException("the host has not started");

    public async Task InitializeAsync()
    {
        _process = await HostProcess.StartReadyAsync(
        [
            .. HostProcess.AllOnPortZero,
            "--set", $"actorsockets.endpoint-defaults.io-manager={IoManager}",
            "--set", "actorsockets.endpoints.ok.idle-timeout=1s",
            "--set", "actorsockets.endpoints.ok-patient.protocol=ok",
            "--set", "actorsockets.endpoints.ok-patient.port=0",
            "--set", "actorsockets.endpoints.ok-patient.idle-timeout=10s",
        ]).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RunningHostCollection : ICollectionFixture<RunningHost>
{
    public const string Name = "running host";
}

/// <summary>The shared host with every endpoint on Akka.IO's own TCP/UDP managers (<c>io-manager = akka</c>).</summary>
public sealed class RunningAkkaHost : RunningHost
{
    public override string IoManager => "akka";
}

[CollectionDefinition(Name)]
public sealed class RunningAkkaHostCollection : ICollectionFixture<RunningAkkaHost>
{
    public const string Name = "running host on akka";
}
