namespace ActorSockets.Host.Tests.Support;

/// <summary>
/// A fact that needs to start the host as the unprivileged user <c>nobody</c>: the tests run as root, util-linux
/// <c>setpriv</c> is on the PATH, ports below 1024 are privileged, and <c>nobody</c> can reach the built host and
/// the .NET runtime. Skipped, saying which is missing, otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresRootAndSetprivFactAttribute : FactAttribute
{
    public RequiresRootAndSetprivFactAttribute()
    {
        Skip = WhyNot();
    }

    private static string? WhyNot()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            return "needs to run as root on Linux, to start the host as nobody";
        }

        if (!RequiresProgramFactAttribute.OnPath("setpriv"))
        {
            return "needs setpriv (util-linux) on the PATH, to start the host as nobody";
        }

        const string unprivilegedPortStart = "/proc/sys/net/ipv4/ip_unprivileged_port_start";
        if (!File.Exists(unprivilegedPortStart) || int.Parse(File.ReadAllText(unprivilegedPortStart).Trim(), System.Globalization.CultureInfo.InvariantCulture) <= 1)
        {
            return "needs port 1 to be privileged (net.ipv4.ip_unprivileged_port_start > 1)";
        }

        foreach (var path in new[] { AppContext.BaseDirectory, Path.IsPathRooted(HostProcess.DotnetPath) ? Path.GetDirectoryName(HostProcess.DotnetPath)! : "/" })
        {
            for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
            {
                if (dir.Exists && !dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
                {
                    return $"needs {dir.FullName} to be searchable by nobody";
                }
            }
        }

        return null;
    }
}
