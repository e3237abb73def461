using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Protocols.Chat;

/// <summary>
/// Bytes for a member to write to its connection: one or more encoded chat lines. A room encodes a broadcast
/// once and tells the same instance to every member. It does not count as input for the idle timeout.
/// </summary>
/// <param name="Data">The encoded lines (UTF-8, CRLF-terminated).</param>
public sealed record Deliver(ByteString Data) : INotInfluenceReceiveTimeout
{
    /// <summary>Encodes <paramref name="message"/> (see <see cref="ChatFormat.Encode"/>) for delivery.</summary>
    public static Deliver Line(string message) => new(ChatFormat.Encode(message));
}
