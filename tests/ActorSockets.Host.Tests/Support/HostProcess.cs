using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ActorSockets.Host.Tests.Support;

/// <summary>
/// The real host, started as a child process (<c>dotnet ActorSockets.Host.dll</c>, copied next to the tests
/// by the project reference) with standard input redirected. Collects stdout and stderr, parses the banner
/// into <see cref="Endpoints"/>, and always kills the process on dispose.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, HostEndpoint> _endpoints = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process)
    {
        _process = process;
    }

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "ActorSockets.Host.dll");

    /// <summary>
    /// The <c>--set</c> arguments that put every endpoint of hocon/actorsockets.conf on a free port, on the default
    /// TCP/UDP manager (the ActorSockets transport). <see cref="RunningAkkaHost"/> adds <c>io-manager = akka</c> to
    /// run the same endpoint, chat and tutorial-client tests on Akka.IO's own managers.
    /// </summary>
    public static IReadOnlyList<string> AllOnPortZero =>
    [
        .. new[] { "ok", "welcome", "greeting", "clock", "hi", "udp-hi", "udp-time", "chat" }
            .SelectMany(name => new[] { "--set", $"actorsockets.endpoints.{name}.port=0" }),
    ];

    public int Id => _process.Id;

    /// <summary>The cluster address the banner shows (<c>actorsockets.cluster.enabled = on</c>), or null.</summary>
    public string? ClusterAddress { get; private set; }

    /// <summary>The cluster address as a seed, <c>host:port</c>.</summary>
    public string ClusterSeed => ClusterAddress is { } address
        ? address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..]
        : throw new InvalidOperationException($"the banner shows no cluster line:\n{StandardOutput}");

    private readonly List<(Func<string, bool> Predicate, TaskCompletionSource Seen)> _waiters = [];

    /// <summary>Waits until the host has written a stdout line containing <paramref name="text"/> (earlier lines count).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stdout)
        {
            if (_stdout.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            _waiters.Add((line => line.Contains(text, StringComparison.Ordinal), seen));
        }

        try
        {
            await seen.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the host wrote no line with \"{text}\" within {timeout}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }
    }

    public bool HasExited => _process.HasExited;

    public IReadOnlyDictionary<string, HostEndpoint> Endpoints
    {
        get
        {
            lock (_endpoints)
            {
                return new Dictionary<string, HostEndpoint>(_endpoints);
            }
        }
    }

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the host with <paramref name="args"/> (plus <c>--no-console</c>) in the tests' output folder.</summary>
    public static HostProcess Start(IEnumerable<string> args) => Start(["--no-console", .. args], throughTerminal: false, asNobody: false);

    /// <summary>
    /// Starts the host as the unprivileged user <c>nobody</c> (util-linux <c>setpriv</c>; the tests must run as
    /// root, see <see cref="RequiresRootAndSetprivFactAttribute"/>), with <c>--no-console</c>.
    /// </summary>
    public static HostProcess StartUnprivileged(IEnumerable<string> args) =>
        Start(["--no-console", .. args], throughTerminal: false, asNobody: true);

    /// <summary>
    /// Starts the host on a pseudo-terminal (util-linux <c>script</c>), so its standard input is interactive and
    /// the console relay is on; lines written with <see cref="TypeLineAsync"/> arrive as if typed.
    /// </summary>
    public static HostProcess StartOnTerminal(IEnumerable<string> args) => Start(args, throughTerminal: true, asNobody: false);

    /// <summary>
    /// Starts the host (with <c>--no-console</c>) as the child of a process named <c>systemd</c> (<paramref name="fakeSystemd"/>,
    /// a copy of bash), with <c>NOTIFY_SOCKET</c> set: how Microsoft.Extensions.Hosting.Systemd recognises a systemd
    /// service. <see cref="Id"/> is then the shell's; dispose kills both.
    /// </summary>
    public static HostProcess StartUnderSystemd(IEnumerable<string> args, string fakeSystemd, string notifySocket) =>
        Start(["--no-console", .. args], throughTerminal: false, asNobody: false, (fakeSystemd, notifySocket));

    private static HostProcess Start(IEnumerable<string> args, bool throughTerminal, bool asNobody, (string Shell, string NotifySocket)? systemd = null)
    {
        var hostArgs = new List<string> { HostDll };
        hostArgs.AddRange(args);
        if (asNobody)
        {
            hostArgs.InsertRange(0, ["--reuid=65534", "--regid=65534", "--clear-groups", "--", DotnetPath]);
        }

        if (systemd is not null)
        {
            // Not the shell's last command, so bash forks the host instead of replacing itself with it.
            hostArgs.InsertRange(0, ["-c", "\"$@\"; exit $?", "systemd", DotnetPath]);
        }

        var program = throughTerminal ? "script" : asNobody ? "setpriv" : systemd is { } fake ? fake.Shell : DotnetPath;
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (throughTerminal)
        {
            // -q quiet, -f flush at once, -e the child's exit code, -c the command; no typescript file.
            info.ArgumentList.Add("-qfec");
            info.ArgumentList.Add(string.Join(' ', new[] { DotnetPath }.Concat(hostArgs).Select(ShellQuote)));
            info.ArgumentList.Add("/dev/null");
        }
        else
        {
            foreach (var arg in hostArgs)
            {
                info.ArgumentList.Add(arg);
            }
        }

        if (systemd is { } notify)
        {
            info.Environment["NOTIFY_SOCKET"] = notify.NotifySocket;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnStderr(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("could not start the host process");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Starts the host and waits for its banner's ready line.</summary>
    public static async Task<HostProcess> StartReadyAsync(IEnumerable<string> args)
    {
        var host = Start(args);
        try
        {
            await host.WaitReadyAsync().ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public HostEndpoint Endpoint(string name) =>
        Endpoints.TryGetValue(name, out var endpoint)
            ? endpoint
            : throw new InvalidOperationException($"the banner lists no endpoint '{name}':\n{StandardOutput}");

    public async Task WaitReadyAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited).WaitAsync(StartTimeout).ConfigureAwait(false);
        if (first != _ready.Task)
        {
            throw new InvalidOperationException(
                $"the host exited with code {_process.ExitCode} before it was ready\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }
    }

    /// <summary>Waits for the process to exit (and its output to be read to the end); returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"the host did not exit within {timeout}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }

        return _process.ExitCode;
    }

    /// <summary>Writes <paramref name="line"/> and a newline to the host's standard input.</summary>
    public async Task TypeLineAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\n").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Sends a real signal with <c>kill -SIGNAL pid</c>.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {_process.Id}") { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not run kill");
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed with {kill.ExitCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (TimeoutException)
        {
            // Nothing more a test can do; the OS reaps it when the test run ends.
        }
        finally
        {
            _process.Dispose();
        }
    }

    internal static string DotnetPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    private static string ShellQuote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            _stdoutClosed.TrySetResult();
            return;
        }

        lock (_stdout)
        {
            _stdout.Append(line).Append('\n');
            foreach (var waiter in _waiters.Where(w => w.Predicate(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }

        if (ClusterLine().Match(line) is { Success: true } cluster)
        {
            ClusterAddress = cluster.Groups["address"].Value;
        }

        var match = EndpointLine().Match(line);
        if (match.Success)
        {
            lock (_endpoints)
            {
                _endpoints[match.Groups["name"].Value] = new HostEndpoint(
                    match.Groups["name"].Value,
                    match.Groups["transport"].Value,
                    match.Groups["address"].Value,
                    match.Groups["protocol"].Value,
                    match.Groups["io"].Value);
            }
        }
        else if (line.StartsWith("ActorSockets host ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            _stderrClosed.TrySetResult();
            return;
        }

        lock (_stderr)
        {
            _stderr.Append(line).Append('\n');
        }
    }

    [GeneratedRegex(@"^  cluster  (?<address>\S+) seeds ")]
    private static partial Regex ClusterLine();

    [GeneratedRegex(@"^  endpoint (?<name>\S+)\s+(?<transport>tcp|udp)\s+(?<address>\S+)\s+protocol (?<protocol>\S+)\s+io (?<io>\S+)$")]
    private static partial Regex EndpointLine();
}
