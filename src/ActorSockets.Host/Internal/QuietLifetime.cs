using Microsoft.Extensions.Hosting;

namespace ActorSockets.Host.Internal;

/// <summary>
/// The host's <see cref="IHostLifetime"/> outside systemd: it adds nothing. The default console lifetime
/// would also catch SIGINT, SIGTERM and SIGQUIT and print status lines; here <see cref="ShutdownSignals"/>
/// owns SIGINT/SIGTERM (first: graceful, second: exit at once) and <see cref="HostRunner"/> starts and stops
/// the host. Under systemd, <c>UseSystemd()</c> replaces it with <c>SystemdLifetime</c>, which tells systemd
/// <c>READY=1</c> once every hosted service has started (every endpoint bound) and <c>STOPPING=1</c>.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
