using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ActorSockets.Benchmarks.Echo.Internal;

/// <summary>
/// An <c>echo-server</c> child process: this same program started with the <c>echo-server</c> subcommand. It is
/// ready once it prints <c>listening on PORT</c> (other stdout lines, such as log lines, are skipped), and stops when its stdin is closed; if it has not exited a few
/// seconds later it is killed, so no server outlives the comparison. Its stderr is kept (the last lines) to explain
/// a failure.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly Queue<string> _errorLines = new();

    private ServerProcess(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Keep(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    public int Port { get; private set; }

    public int Pid => _process.Id;

    public static async Task<ServerProcess> StartAsync(string impl)
    {
        var info = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program this is"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (Path.GetFileNameWithoutExtension(info.FileName) == "dotnet")
        {
            // Started as `dotnet ActorSockets.Benchmarks.dll`: the child needs the assembly too.
            info.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        foreach (var arg in new[] { EchoServerCommand.Name, "--impl", impl, "--port", "0" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("the echo server did not start");
        var server = new ServerProcess(process);
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            string? line;
            try
            {
                line = await server.ReadAnswerAsync("listening on ", timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"the '{impl}' echo server did not say 'listening on' within {StartTimeout.TotalSeconds:0} s{server.ErrorTail()}");
            }

            if (line is null)
            {
                // It exited: let its last stderr lines arrive, they say why.
                await process.WaitForExitAsync(timeout.Token);
            }

            const string Prefix = "listening on ";
            if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal)
                || !int.TryParse(line.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                throw new InvalidOperationException($"the '{impl}' echo server did not start: {line ?? "no output"}{server.ErrorTail()}");
            }

            server.Port = port;
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Gets the server's CPU time so far (user + system, all threads), in seconds.</summary>
    public double CpuSeconds() => ProcFs.CpuSeconds(Pid);

    /// <summary>
    /// Asks the server for a full compacting collection, then gets its resident memory (VmRSS) and the managed heap
    /// size it reports, both in bytes.
    /// </summary>
    public async Task<(long Resident, long ManagedHeap)> MemoryAfterCollectionAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync("gc");
        await _process.StandardInput.FlushAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        const string Prefix = "gc done ";
        var line = await ReadAnswerAsync(Prefix, timeout.Token);
        if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal)
            || !long.TryParse(line.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var heap))
        {
            throw new InvalidOperationException($"the echo server answered '{line}' to gc{ErrorTail()}");
        }

        return (ProcFs.ResidentBytes(Pid), heap);
    }

    public string ErrorTail()
    {
        lock (_errorLines)
        {
            return _errorLines.Count == 0 ? "" : Environment.NewLine + "  server stderr: " + string.Join(Environment.NewLine + "  ", _errorLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>
    /// Reads the server's stdout up to the next line that starts with <paramref name="prefix"/> (null at end of file).
    /// Other lines (an actor system's log lines go to stdout) are kept with the stderr tail, to explain a failure.
    /// </summary>
    private async Task<string?> ReadAnswerAsync(string prefix, CancellationToken cancellationToken)
    {
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }

            Keep("stdout: " + line);
        }

        return null;
    }

    private void Keep(string line)
    {
        lock (_errorLines)
        {
            _errorLines.Enqueue(line);
            if (_errorLines.Count > KeptErrorLines)
            {
                _errorLines.Dequeue();
            }
        }
    }
}
