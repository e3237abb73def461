namespace ActorSockets.Host.Tests.Support;

/// <summary>
/// Real host processes forming one cluster on loopback: the first on a free cluster port with no seeds (it forms
/// the cluster), the others seeded with the first's address as its banner shows it. Each host serves only its chat
/// endpoint, on a free port. Every process is killed on dispose, whatever happened.
/// </summary>
public sealed class ClusterOfHosts : IAsyncDisposable
{
    private readonly List<HostProcess> _hosts = [];

    public HostProcess this[int index] => _hosts[index];

    public string Seed => _hosts[0].ClusterSeed;

    public static async Task<ClusterOfHosts> StartAsync(int count)
    {
        var cluster = new ClusterOfHosts();
        try
        {
            cluster._hosts.Add(await HostProcess.StartReadyAsync(Arguments(seed: null)).ConfigureAwait(false));
            for (var i = 1; i < count; i++)
            {
                await cluster.AddHostAsync().ConfigureAwait(false);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts one more host seeded with the first; returns its index.</summary>
    public async Task<int> AddHostAsync()
    {
        _hosts.Add(await HostProcess.StartReadyAsync(Arguments(Seed)).ConfigureAwait(false));
        return _hosts.Count - 1;
    }

    /// <summary>Waits until every host's chat has every other host's members (each logs the others' rosters).</summary>
    public async Task WaitUntilUpAsync(TimeSpan timeout)
    {
        try
        {
            foreach (var host in _hosts.Where(h => !h.HasExited))
            {
                await host.WaitForOutputAsync("cluster: this host is up as", timeout).ConfigureAwait(false);
            }
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\nfirst host's stdout:\n" + _hosts[0].StandardOutput, ex);
        }
    }

    /// <summary>Every host's output so far, for a failure message.</summary>
    public string Outputs => string.Join(
        "\n",
        _hosts.Select((h, i) => $"--- host {i} (pid {h.Id}) stdout:\n{h.StandardOutput}\n--- stderr:\n{h.StandardError}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static IEnumerable<string> Arguments(string? seed)
    {
        foreach (var name in new[] { "ok", "welcome", "greeting", "clock", "hi", "udp-hi", "udp-time" })
        {
            yield return "--set";
            yield return $"actorsockets.endpoints.{name}.enabled=off";
        }

        yield return "--set";
        yield return "actorsockets.endpoints.chat.port=0";
        yield return "--set";
        yield return "actorsockets.cluster.enabled=on";
        yield return "--set";
        yield return "actorsockets.cluster.port=0";
        yield return "--set";
        yield return seed is null ? "actorsockets.cluster.seed-nodes=[]" : $"actorsockets.cluster.seed-nodes=[\"{seed}\"]";
    }
}
