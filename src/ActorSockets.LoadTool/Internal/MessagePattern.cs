using System.Buffers.Binary;

namespace ActorSockets.LoadTool.Internal;

/// <summary>
/// Pseudo-random message content that differs per connection and per message, so an echo that is misordered,
/// crossed between connections or corrupted never matches what was sent. SplitMix64 is cheap enough to refill every
/// message without showing up next to the socket calls.
/// </summary>
internal static class MessagePattern
{
    /// <summary>A seed unique for every connection below 2^24 and message below 2^40.</summary>
    public static ulong Seed(int connection, ulong message) => ((ulong)(uint)connection << 40) ^ message;

    public static void Fill(Span<byte> destination, ulong seed)
    {
        var state = seed;
        while (destination.Length >= sizeof(ulong))
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination, Next(ref state));
            destination = destination[sizeof(ulong)..];
        }

        if (!destination.IsEmpty)
        {
            Span<byte> tail = stackalloc byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(tail, Next(ref state));
            tail[..destination.Length].CopyTo(destination);
        }
    }

    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
