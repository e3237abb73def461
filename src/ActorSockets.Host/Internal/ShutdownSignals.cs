using System.Runtime.InteropServices;

namespace ActorSockets.Host.Internal;

/// <summary>
/// Turns SIGINT and SIGTERM into a graceful shutdown request. The first signal completes
/// <see cref="Requested"/> and keeps the runtime from terminating the process; a second one (an
/// operator pressing Ctrl+C again because shutdown takes too long) exits at once with 128 + the signal
/// number, as a shell reports a process killed by that signal.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly TaskCompletionSource<string> _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<int> _exit;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _count;

    public ShutdownSignals(Action<int>? exit = null)
    {
        _exit = exit ?? Environment.Exit;
    }

    /// <summary>Completes with the signal's name (<c>SIGINT</c>, <c>SIGTERM</c>) on the first signal.</summary>
    public Task<string> Requested => _requested.Task;

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    public void Register()
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
    }

    /// <summary>Requests shutdown as a signal would (used by tests and by the host when it must stop by itself).</summary>
    public void Request(string reason) => Received(reason, exitCode: 1);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
    }

    private void Handle(PosixSignalContext context)
    {
        // Cancel the runtime's default action (terminating the process) so shutdown can run.
        context.Cancel = true;
        var (name, number) = context.Signal == PosixSignal.SIGINT ? ("SIGINT", 2) : ("SIGTERM", 15);
        Received(name, 128 + number);
    }

    private void Received(string name, int exitCode)
    {
        if (Interlocked.Increment(ref _count) == 1)
        {
            _requested.TrySetResult(name);
            return;
        }

        _exit(exitCode);
    }
}
