using System.Diagnostics;
using System.Text;

namespace ActorSockets.Host.Tests.Support;

/// <summary>Runs a tutorial's client program (python3, java) to its end and collects its UTF-8 output; killed if it overruns.</summary>
public static class ClientProgram
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/>; asserts it exits 0 within <paramref name="timeout"/> and returns its stdout.</summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(timeout);

            Assert.True(process.ExitCode == 0, await stderr);
            return await stdout;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
