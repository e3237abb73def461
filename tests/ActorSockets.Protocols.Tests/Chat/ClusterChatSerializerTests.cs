using System.Runtime.Serialization;
using ActorSockets.Protocols.Chat;
using ActorSockets.Protocols.Chat.Cluster;
using Akka.Actor;

namespace ActorSockets.Protocols.Tests.Chat;

/// <summary>
/// The wire format between chat hosts: Akka picks <see cref="ClusterChatSerializer"/> for every message between hosts
/// under <see cref="ClusterChatAkkaConfig.SerializationHocon"/>, each survives the round trip field for field, and
/// bad bytes are refused with a <see cref="SerializationException"/>.
/// </summary>
public sealed class ClusterChatSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Origin = "akka.tcp://actorsockets@127.0.0.1:4053#-1234567";

    public ClusterChatSerializerTests()
        : base(ClusterChatAkkaConfig.SerializationHocon)
    {
    }

    public static TheoryData<IClusterChatMessage> Messages()
    {
        IClusterChatMessage[] plain =
        [
            new MemberJoined(Origin, 1, "alice", "lobby"),
            new MemberLeft(Origin, long.MaxValue, LeaveReason.HostLost, null),
            new MemberLeft(Origin, 2, LeaveReason.Moved, "kitchen"),
            new MemberRenamed(Origin, 3, "bob"),
            new RoomLine(Origin, "lobby", "[alice] héllo wörld ✓ 😀"),
            new RoomLine(Origin, "lobby", string.Empty),
            new PrivateLine(Origin, "akka.tcp://actorsockets@[::1]:4054#9", 4, "alice", "psst"),
            new RosterPart(Origin, 2, true, [new RosterEntry(1, "alice", "lobby"), new RosterEntry(900, "guest-1001", "x")]),
            new RosterPart(Origin, 0, false, []),
            new Ack(Origin, 123_456_789_012),
            new Missed(Origin, 0),
            new Hello(Origin, ["a#1", "b#2"]),
            new ClaimNick(Origin, 5, "carol"),
            new NickGranted(Origin, 5, "carol"),
            new NickRefused(Origin, 5, "CAROL"),
            new ReleaseNicks(Origin, 5),
            new NickCensus(Origin),
            new HeldNicks(Origin, [new HeldNick(5, "carol")], [1001, 3001]),
            new LeaseGuests(Origin),
            new GuestBlock(Origin, 6001, 1000),
        ];
        var data = new TheoryData<IClusterChatMessage>();
        foreach (var message in plain)
        {
            data.Add(message);
            data.Add(new Relayed(Origin, 42, message));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void RoundTrip_EveryMessageBetweenHosts_ThroughOurSerializer(IClusterChatMessage message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<ClusterChatSerializer>(serializer);

        var bytes = serializer.ToBinary(message);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var back = Sys.Serialization.Deserialize(bytes, serializer.Identifier, manifest);

        Assert.Equal(message.GetType(), back.GetType());
        Assert.Equivalent(message, back, strict: true);
    }

    [Fact]
    public void RoomLine_IsFarSmallerThanAkkasJson()
    {
        var line = new Relayed(Origin, 1000, new RoomLine(Origin, "lobby", "[alice] hello there"));
        var ours = Sys.Serialization.FindSerializerFor(line).ToBinary(line);
        var json = Sys.Serialization.FindSerializerForType(typeof(object)).ToBinary(line);

        Assert.True(ours.Length * 3 < json.Length, $"ours {ours.Length} bytes, JSON {json.Length} bytes");
    }

    [Theory]
    [InlineData("Z")]
    [InlineData("")]
    [InlineData("RR")]
    public void FromBinary_UnknownManifest_IsRefused(string manifest)
    {
        var serializer = Serializer();
        var bytes = serializer.ToBinary(new RoomLine(Origin, "lobby", "x"));

        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, manifest));
    }

    [Fact]
    public void FromBinary_TruncatedOrPadded_IsRefused()
    {
        var serializer = Serializer();
        var message = new Relayed(Origin, 7, new MemberLeft(Origin, 2, LeaveReason.Moved, "kitchen"));
        var bytes = serializer.ToBinary(message);
        var manifest = serializer.Manifest(message);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes[..length], manifest));
        }

        Assert.Throws<SerializationException>(() => serializer.FromBinary([.. bytes, 0], manifest));
    }

    [Fact]
    public void FromBinary_ArrayLengthBeyondAnyRealOne_IsRefusedBeforeAllocating()
    {
        var serializer = Serializer();
        var bytes = serializer.ToBinary(new Hello(Origin, []));

        // The empty array's length (one byte, 0) replaced by 2^28 - 1 as a 7-bit varint.
        byte[] forged = [.. bytes[..^1], 0xFF, 0xFF, 0xFF, 0x7F];

        var error = Assert.Throws<SerializationException>(() => serializer.FromBinary(forged, "H"));
        Assert.Contains("entries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBinary_UnknownLeaveReason_IsRefused()
    {
        var serializer = Serializer();
        var bytes = serializer.ToBinary(new MemberLeft(Origin, 1, LeaveReason.Quit, null));
        bytes[^2] = 99;

        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, "L"));
    }

    private ClusterChatSerializer Serializer() =>
        Assert.IsType<ClusterChatSerializer>(Sys.Serialization.FindSerializerFor(new NickCensus(Origin)));
}
