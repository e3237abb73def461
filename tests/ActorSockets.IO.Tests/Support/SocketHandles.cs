namespace ActorSockets.IO.Tests.Support;

/// <summary>Counts the process's open socket descriptors, to prove that every path releases its sockets.</summary>
internal static class SocketHandles
{
    /// <summary>True where the count is available (Linux, via <c>/proc/self/fd</c>).</summary>
    public static bool Supported => Directory.Exists("/proc/self/fd");

    public static int Count()
    {
        int sockets = 0;
        foreach (string entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(entry).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    sockets++;
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we were listing: it is not open any more.
            }
        }

        return sockets;
    }
}
