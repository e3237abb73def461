using System.Runtime.InteropServices;

namespace ActorSockets.Benchmarks.Echo.Internal;

/// <summary>
/// Raises this process's soft limit on open files towards its hard limit (an unprivileged process may do that), so
/// echo-compare can hold 10,000 idle connections without the caller running <c>ulimit -n</c> first. Server processes
/// started afterwards inherit the raised limit.
/// </summary>
internal static class OpenFilesLimit
{
    private const int ResourceNoFile = 7; // RLIMIT_NOFILE on Linux

    /// <summary>Raises the soft limit to at least <paramref name="wanted"/> if the hard limit allows; returns the soft limit now in force.</summary>
    public static long RaiseTo(long wanted)
    {
        var (soft, hard) = ProcFs.OpenFilesLimit();
        if (soft >= wanted || !OperatingSystem.IsLinux())
        {
            return soft;
        }

        var limit = new ResourceLimit { Current = (ulong)Math.Min(wanted, hard), Maximum = (ulong)hard };
        if (hard == long.MaxValue)
        {
            limit.Maximum = ulong.MaxValue; // RLIM_INFINITY
        }

        return SetResourceLimit(ResourceNoFile, ref limit) == 0 ? ProcFs.OpenFilesLimit().Soft : soft;
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code, which this project does not allow.
    [DllImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static extern int SetResourceLimit(int resource, ref ResourceLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
