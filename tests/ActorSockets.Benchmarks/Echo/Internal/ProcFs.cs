using System.Globalization;

namespace ActorSockets.Benchmarks.Echo.Internal;

/// <summary>Reads a process's CPU time, resident memory and the open-files limit from Linux's /proc.</summary>
internal static class ProcFs
{
    /// <summary>USER_HZ: /proc reports CPU time in these ticks per second, fixed at 100 in Linux's user-space ABI.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Gets utime + stime of every thread of the process, in seconds, from /proc/PID/stat.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) / TicksPerSecond;
    }

    /// <summary>Gets VmRSS from /proc/PID/status, in bytes.</summary>
    public static long ResidentBytes(int pid) => StatusKilobytes($"/proc/{pid}/status", "VmRSS:") * 1024;

    /// <summary>Gets the soft and hard limits on open files of this process, from /proc/self/limits.</summary>
    public static (long Soft, long Hard) OpenFilesLimit()
    {
        foreach (var line in File.ReadLines("/proc/self/limits"))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var parts = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return (ParseLimit(parts[0]), ParseLimit(parts[1]));
            }
        }

        throw new InvalidOperationException("/proc/self/limits has no 'Max open files' line");
    }

    /// <summary>Gets the one-minute load average from /proc/loadavg, as text.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static long ParseLimit(string value) =>
        value == "unlimited" ? long.MaxValue : long.Parse(value, CultureInfo.InvariantCulture);

    private static long StatusKilobytes(string path, string key)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var parts = line[key.Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{path} has no '{key}' line");
    }
}
