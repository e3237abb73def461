using Akka.Actor;

namespace ActorSockets.Host.Internal;

/// <summary>Coordinated shutdown was started because the process received SIGINT or SIGTERM.</summary>
internal sealed class SignalReason(string signal) : CoordinatedShutdown.Reason
{
    public string Signal { get; } = signal;

    /// <summary>A signal asks for a graceful stop, which exits 0 (used only if <c>akka.coordinated-shutdown.exit-clr</c> is on).</summary>
    public override int ExitCode => 0;

    public override string ToString() => Signal;
}
