using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Serialization;

namespace ActorSockets.Cluster.Tests.Internal;

/// <summary>The marker the experiment's serializer is bound to, as <c>IClusterChatMessage</c> will be (docs/cluster-chat.md, "Serialization").</summary>
internal interface IChatWireMessage
{
}

/// <summary>A room line between hosts, shaped like the design's <c>RoomLine</c>.</summary>
internal sealed record ChatLine(string Origin, long Seq, string Room, string Text) : IChatWireMessage;

/// <summary>
/// The experiment's own serializer for cross-host chat messages: length-prefixed UTF-8 strings and a 64-bit
/// sequence number, one manifest per record, instead of Newtonsoft JSON with type names. It counts what it
/// decodes, so a test can tell that a message crossed the wire through it.
/// </summary>
internal sealed class ChatLineSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    private const string LineManifest = "L";
    private static long _decoded;

    /// <summary>Messages decoded by any instance since the process started.</summary>
    public static long Decoded => Interlocked.Read(ref _decoded);

    /// <summary>Akka's own serializers use small ids (1, 5, 9, 14, 36...); ours start at 100.</summary>
    public override int Identifier => 100;

    public override string Manifest(object o) => o switch
    {
        ChatLine => LineManifest,
        _ => throw new ArgumentException($"{o.GetType()} is not a chat wire message", nameof(o)),
    };

    public override byte[] ToBinary(object obj)
    {
        if (obj is not ChatLine line)
        {
            throw new ArgumentException($"{obj.GetType()} is not a chat wire message", nameof(obj));
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(line.Origin);
            writer.Write(line.Seq);
            writer.Write(line.Room);
            writer.Write(line.Text);
        }

        return buffer.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (manifest != LineManifest)
        {
            throw new SerializationException($"unknown chat wire manifest '{manifest}'");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var line = new ChatLine(reader.ReadString(), reader.ReadInt64(), reader.ReadString(), reader.ReadString());
        Interlocked.Increment(ref _decoded);
        return line;
    }
}
