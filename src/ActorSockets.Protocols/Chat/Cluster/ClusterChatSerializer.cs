using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Serialization;

namespace ActorSockets.Protocols.Chat.Cluster;

/// <summary>
/// The wire format of everything one chat host sends another (<see cref="IClusterChatMessage"/>), bound in
/// <see cref="ClusterChatAkkaConfig"/>: one letter of manifest per record, then its fields as 7-bit-length-prefixed
/// UTF-8 strings and 7-bit-encoded integers. It replaces Akka's default JSON with type names, which cost several
/// microseconds and a few hundred bytes per chat line on the path every cross-host line takes
/// (docs/cluster-chat.md, section 8).
/// </summary>
/// <remarks>
/// A <see cref="Relayed"/> envelope carries its message inline (its manifest letter, then its fields). Bad input
/// (an unknown manifest, truncated or inconsistent bytes) is a <see cref="SerializationException"/>: Akka drops that
/// message and logs it, and the relay's sequence numbers show the gap.
/// </remarks>
public sealed class ClusterChatSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Its serializer id: Akka's own serializers use small ids (1 JSON, 5 cluster, 9 pub-sub...).</summary>
    public const int Id = 4130;

    /// <summary>Entries a decoded array may claim at most (a roster part has 500).</summary>
    private const int MaxArrayLength = 100_000;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o) => ManifestOf(o).ToString();

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        var message = obj as IClusterChatMessage ?? throw new ArgumentException($"{obj?.GetType()} is not a chat message between hosts", nameof(obj));
        using var buffer = new MemoryStream(64);
        using (var writer = new BinaryWriter(buffer, Utf8, leaveOpen: true))
        {
            WriteFields(writer, message, envelopeOrigin: null);
        }

        return buffer.ToArray();
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (manifest is not { Length: 1 })
        {
            throw new SerializationException($"unknown chat message manifest '{manifest}'");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Utf8);
            var message = ReadFields(reader, manifest[0], envelopeOrigin: null);
            if (reader.BaseStream.Position != bytes.Length)
            {
                throw new SerializationException($"{bytes.Length - reader.BaseStream.Position} bytes left over after a chat message '{manifest}'");
            }

            return message;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or DecoderFallbackException or IOException)
        {
            throw new SerializationException($"a chat message '{manifest}' of {bytes.Length} bytes is malformed: {e.Message}", e);
        }
    }

    private static char ManifestOf(object o) => o switch
    {
        Relayed => 'E',
        RoomLine => 'R',
        Ack => 'A',
        MemberJoined => 'J',
        MemberLeft => 'L',
        MemberRenamed => 'N',
        PrivateLine => 'P',
        RosterPart => 'S',
        Missed => 'M',
        Hello => 'H',
        ClaimNick => 'C',
        NickGranted => 'G',
        NickRefused => 'F',
        ReleaseNicks => 'X',
        NickCensus => 'Q',
        HeldNicks => 'D',
        LeaseGuests => 'B',
        GuestBlock => 'K',
        _ => throw new ArgumentException($"{o?.GetType()} is not a chat message between hosts", nameof(o)),
    };

    /// <summary>
    /// Writes the fields of <paramref name="message"/>; inside a <see cref="Relayed"/> whose origin it shares
    /// (<paramref name="envelopeOrigin"/>), its origin is written as the empty string.
    /// </summary>
    private static void WriteFields(BinaryWriter w, IClusterChatMessage message, string? envelopeOrigin)
    {
        w.Write(message.Origin == envelopeOrigin ? string.Empty : message.Origin);
        switch (message)
        {
            case Relayed m:
                w.Write7BitEncodedInt64(m.Seq);
                w.Write(ManifestOf(m.Message));
                WriteFields(w, m.Message, m.Origin);
                break;
            case RoomLine m:
                w.Write(m.Room);
                w.Write(m.Line);
                break;
            case Ack m:
                w.Write7BitEncodedInt64(m.Seq);
                break;
            case MemberJoined m:
                w.Write7BitEncodedInt64(m.Id);
                w.Write(m.Nick);
                w.Write(m.Room);
                break;
            case MemberLeft m:
                w.Write7BitEncodedInt64(m.Id);
                w.Write7BitEncodedInt((int)m.Reason);
                w.Write(m.MovedTo is not null);
                if (m.MovedTo is not null)
                {
                    w.Write(m.MovedTo);
                }

                break;
            case IMemberNick m:
                w.Write7BitEncodedInt64(m.Id);
                w.Write(m.Nick);
                break;
            case PrivateLine m:
                w.Write(m.ToOrigin);
                w.Write7BitEncodedInt64(m.ToId);
                w.Write(m.FromNick);
                w.Write(m.Text);
                break;
            case RosterPart m:
                w.Write7BitEncodedInt(m.Part);
                w.Write(m.Last);
                WriteArray(w, m.Members, (w, entry) =>
                {
                    w.Write7BitEncodedInt64(entry.Id);
                    w.Write(entry.Nick);
                    w.Write(entry.Room);
                });
                break;
            case Missed m:
                w.Write7BitEncodedInt64(m.Count);
                break;
            case Hello m:
                WriteArray(w, m.Heard, (w, origin) => w.Write(origin));
                break;
            case ReleaseNicks m:
                w.Write7BitEncodedInt64(m.Id);
                break;
            case HeldNicks m:
                WriteArray(w, m.Nicks, (w, nick) =>
                {
                    w.Write7BitEncodedInt64(nick.Id);
                    w.Write(nick.Nick);
                });
                WriteArray(w, m.GuestBlocks, (w, first) => w.Write7BitEncodedInt64(first));
                break;
            case GuestBlock m:
                w.Write7BitEncodedInt64(m.First);
                w.Write7BitEncodedInt64(m.Count);
                break;
            case NickCensus or LeaseGuests:
                break;
            default:
                throw new ArgumentException($"{message.GetType()} is not a chat message between hosts", nameof(message));
        }
    }

    private static IClusterChatMessage ReadFields(BinaryReader r, char manifest, string? envelopeOrigin)
    {
        var origin = r.ReadString();
        if (origin.Length == 0 && envelopeOrigin is not null)
        {
            origin = envelopeOrigin;
        }

        switch (manifest)
        {
            case 'E':
                var seq = r.Read7BitEncodedInt64();
                var inner = r.ReadChar();
                if (inner == 'E')
                {
                    throw new SerializationException("a relayed chat message cannot hold another");
                }

                return new Relayed(origin, seq, ReadFields(r, inner, origin));
            case 'R':
                return new RoomLine(origin, r.ReadString(), r.ReadString());
            case 'A':
                return new Ack(origin, r.Read7BitEncodedInt64());
            case 'J':
                return new MemberJoined(origin, r.Read7BitEncodedInt64(), r.ReadString(), r.ReadString());
            case 'L':
                var id = r.Read7BitEncodedInt64();
                var reason = (LeaveReason)r.Read7BitEncodedInt();
                if (!Enum.IsDefined(reason))
                {
                    throw new SerializationException($"unknown leave reason {(int)reason}");
                }

                return new MemberLeft(origin, id, reason, r.ReadBoolean() ? r.ReadString() : null);
            case 'N':
                return new MemberRenamed(origin, r.Read7BitEncodedInt64(), r.ReadString());
            case 'P':
                return new PrivateLine(origin, r.ReadString(), r.Read7BitEncodedInt64(), r.ReadString(), r.ReadString());
            case 'S':
                var part = r.Read7BitEncodedInt();
                var last = r.ReadBoolean();
                return new RosterPart(origin, part, last, ReadArray(r, r => new RosterEntry(r.Read7BitEncodedInt64(), r.ReadString(), r.ReadString())));
            case 'M':
                return new Missed(origin, r.Read7BitEncodedInt64());
            case 'H':
                return new Hello(origin, ReadArray(r, r => r.ReadString()));
            case 'C':
                return new ClaimNick(origin, r.Read7BitEncodedInt64(), r.ReadString());
            case 'G':
                return new NickGranted(origin, r.Read7BitEncodedInt64(), r.ReadString());
            case 'F':
                return new NickRefused(origin, r.Read7BitEncodedInt64(), r.ReadString());
            case 'X':
                return new ReleaseNicks(origin, r.Read7BitEncodedInt64());
            case 'Q':
                return new NickCensus(origin);
            case 'D':
                var nicks = ReadArray(r, r => new HeldNick(r.Read7BitEncodedInt64(), r.ReadString()));
                return new HeldNicks(origin, nicks, ReadArray(r, r => r.Read7BitEncodedInt64()));
            case 'B':
                return new LeaseGuests(origin);
            case 'K':
                return new GuestBlock(origin, r.Read7BitEncodedInt64(), r.Read7BitEncodedInt64());
            default:
                throw new SerializationException($"unknown chat message manifest '{manifest}'");
        }
    }

    private static void WriteArray<T>(BinaryWriter w, T[] items, Action<BinaryWriter, T> write)
    {
        w.Write7BitEncodedInt(items.Length);
        foreach (var item in items)
        {
            write(w, item);
        }
    }

    /// <summary>An array; its length is refused when it cannot be real (a corrupt prefix must not allocate gigabytes).</summary>
    private static T[] ReadArray<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var length = r.Read7BitEncodedInt();
        if (length is < 0 or > MaxArrayLength)
        {
            throw new SerializationException($"an array of {length} entries in a chat message (at most {MaxArrayLength})");
        }

        var items = new T[length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(r);
        }

        return items;
    }
}
