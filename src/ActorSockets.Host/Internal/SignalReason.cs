using ActorSockets.Actors;

namespace ActorSockets.Host.Internal;

/// <summary>Coordinated shutdown was started because the process received SIGINT or SIGTERM.</summary>
internal sealed class SignalReason(string signal) : CoordinatedShutdown.Reason
{
    public string Signal { get; } = signal;

    public override string ToString() => Signal;
}
