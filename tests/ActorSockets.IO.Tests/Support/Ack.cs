using Akka.IO;

namespace ActorSockets.IO.Tests.Support;

/// <summary>A numbered write acknowledgement, equal by number, for tests that tell their acks apart.</summary>
public sealed class Ack(int id) : Tcp.Event
{
    public int Id { get; } = id;

    public override bool Equals(object? obj) => obj is Ack other && other.Id == Id;

    public override int GetHashCode() => Id;

    public override string ToString() => $"Ack({Id})";
}
