namespace ActorSockets.Actors;

public sealed partial class CoordinatedShutdown
{
    /// <summary>Why coordinated shutdown was started.</summary>
    public abstract class Reason
    {
        /// <inheritdoc />
        public override string ToString() => GetType().Name;
    }

    /// <summary>Started without a more specific reason.</summary>
    public sealed class UnknownReason : Reason
    {
        private UnknownReason() { }

        /// <summary>The single instance.</summary>
        public static UnknownReason Instance { get; } = new();
    }

    /// <summary>Started by <see cref="ActorSystem.Terminate"/>.</summary>
    public sealed class ActorSystemTerminateReason : Reason
    {
        private ActorSystemTerminateReason() { }

        /// <summary>The single instance.</summary>
        public static ActorSystemTerminateReason Instance { get; } = new();
    }

    /// <summary>Started because the process is exiting (SIGINT, SIGTERM).</summary>
    public sealed class ClrExitReason : Reason
    {
        private ClrExitReason() { }

        /// <summary>The single instance.</summary>
        public static ClrExitReason Instance { get; } = new();
    }
}
