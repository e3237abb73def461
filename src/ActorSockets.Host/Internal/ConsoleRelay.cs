namespace ActorSockets.Host.Internal;

/// <summary>
/// Relays lines typed on the host's console to the chat lobby, as the tutorials' servers let the
/// operator type replies. It reads on a background thread of its own: a blocking console read cannot be
/// cancelled, and a background thread never keeps the process alive once shutdown is done.
/// </summary>
internal static class ConsoleRelay
{
    /// <summary>Starts relaying each non-empty line of <paramref name="input"/> to <paramref name="say"/> until end of input.</summary>
    public static Thread Start(TextReader input, Action<string> say, Action<Exception> onError)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(say);
        ArgumentNullException.ThrowIfNull(onError);
        var thread = new Thread(() => Run(input, say, onError)) { IsBackground = true, Name = "console-relay" };
        thread.Start();
        return thread;
    }

    /// <summary>Relays lines until end of input; one line that fails to relay is reported, the next is still read.</summary>
    public static void Run(TextReader input, Action<string> say, Action<Exception> onError)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(say);
        ArgumentNullException.ThrowIfNull(onError);
        while (input.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            try
            {
                say(text);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                onError(ex);
            }
        }
    }
}
