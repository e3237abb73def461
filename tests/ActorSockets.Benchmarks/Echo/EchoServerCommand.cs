using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime;
using System.Runtime.InteropServices;

namespace ActorSockets.Benchmarks.Echo;

/// <summary>
/// <c>echo-server --impl NAME [--port N | --unix PATH] [--host ADDR] [--ignore-stdin]</c>: serves one echo
/// implementation, prints <c>listening on PORT</c> (or <c>listening on unix:PATH</c>) on stdout once bound, and serves
/// until stdin closes, SIGTERM or SIGINT. A line <c>gc</c> on stdin forces a full compacting collection and is answered
/// <c>gc done HEAPBYTES</c> (the managed heap after it), so the orchestrator measures memory without garbage in it;
/// a line <c>stats</c> is answered with the collections, pause time and bytes allocated so far.
/// </summary>
public static class EchoServerCommand
{
    /// <summary>The subcommand's name.</summary>
    public const string Name = "echo-server";

    private static readonly TimeSpan GcSettleTime = TimeSpan.FromSeconds(1);

    private const string Usage = """
        usage: ActorSockets.Benchmarks echo-server [--impl NAME] [--host ADDR] [--port N | --unix PATH] [--ignore-stdin]

          --impl NAME      implementation to serve (default raw)
          --host ADDR      address to bind (default 127.0.0.1)
          --port N         port to bind, 0 for any free port (default 0)
          --unix PATH      bind a Unix domain socket instead
          --ignore-stdin   keep serving when stdin closes (stop with SIGTERM or SIGINT)

        Prints "listening on PORT" once bound. Stops when stdin closes, or on SIGTERM/SIGINT.
        A line "gc" on stdin forces a full garbage collection, answered "gc done HEAPBYTES".
        A line "stats" is answered with the GC's counts so far: "stats gen0=N gen1=N gen2=N pause-ms=X allocated=BYTES".
        """;

    /// <summary>Runs the server until told to stop; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var implName = EchoServerRegistry.BaselineName;
        var host = IPAddress.Loopback;
        var port = 0;
        string? unixPath = null;
        var ignoreStdin = false;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--impl" when Value() is { } value:
                    implName = value;
                    break;
                case "--host" when Value() is { } value && IPAddress.TryParse(value, out var address):
                    host = address;
                    break;
                case "--port" when Value() is { } value
                    && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535:
                    break;
                case "--unix" when Value() is { } value:
                    unixPath = value;
                    break;
                case "--ignore-stdin":
                    ignoreStdin = true;
                    break;
                case "-h" or "--help":
                    Console.Out.WriteLine(Usage);
                    Console.Out.WriteLine($"Implementations: {string.Join(", ", EchoServerRegistry.All.Select(x => x.Name))}");
                    return 0;
                default:
                    return BadArguments($"bad or incomplete argument '{args[i]}'");
            }
        }

        if (EchoServerRegistry.Find(implName) is not { } impl)
        {
            return BadArguments($"no echo implementation called '{implName}'; known: {string.Join(", ", EchoServerRegistry.All.Select(x => x.Name))}");
        }

        EndPoint endPoint = unixPath is null ? new IPEndPoint(host, port) : new UnixDomainSocketEndPoint(unixPath);
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOnSignal);

        IRunningEchoServer server;
        try
        {
            server = await impl.StartAsync(endPoint, stop.Token);
        }
        catch (SocketException e)
        {
            await Console.Error.WriteLineAsync($"echo-server: cannot listen on {endPoint}: {e.SocketErrorCode}: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            // Any implementation's start failure becomes one line and a non-zero exit, never a crash dump.
            await Console.Error.WriteLineAsync($"echo-server: '{impl.Name}' did not start: {e.GetType().Name}: {e.Message}");
            return 1;
        }

        await using (server)
        {
            var bound = server.LocalEndPoint switch
            {
                IPEndPoint ip => ip.Port.ToString(CultureInfo.InvariantCulture),
                var other => "unix:" + other,
            };
            await Console.Out.WriteLineAsync($"listening on {bound}");
            await Console.Out.FlushAsync(stop.Token);
            if (!ignoreStdin)
            {
                // Console reads block and ignore cancellation, so stdin is read on a thread of its own that
                // cancels the stop token at end of file; a signal does not wait for it.
                _ = Task.Factory.StartNew(() => ServeStdin(stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Told to stop.
            }
        }

        return 0;

        void StopOnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static void ServeStdin(CancellationTokenSource stop)
    {
        while (Console.In.ReadLine() is { } line)
        {
            if (line.Trim() == "stats")
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"stats gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} pause-ms={GC.GetTotalPauseDuration().TotalMilliseconds:0.0} allocated={GC.GetTotalAllocatedBytes()}"));
                Console.Out.Flush();
            }

            if (line.Trim() == "gc")
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

                // The GC hands freed regions back to the OS gradually after a collection; give it a moment so
                // VmRSS shows live memory rather than how far decommitting has got.
                Thread.Sleep(GcSettleTime);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc done {GC.GetTotalMemory(forceFullCollection: false)}"));
                Console.Out.Flush();
            }
        }

        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The server stopped on a signal first.
        }
    }

    private static int BadArguments(string message)
    {
        Console.Error.WriteLine($"echo-server: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
