using ActorSockets.Protocols.Chat;
using Akka.Actor;
using Akka.TestKit;

namespace ActorSockets.Protocols.Tests.Chat;

public sealed class ChatRoomTests : Akka.TestKit.Xunit2.TestKit
{
    private static async Task ExpectLineAsync(TestProbe member, string line)
    {
        var deliver = await member.ExpectMsgAsync<Deliver>();
        Assert.Equal(line + "\r\n", deliver.Data.ToUtf8());
    }

    private async Task<(IActorRef Room, TestProbe Alice, TestProbe Bob, TestProbe Carol)> RoomWithThreeAsync()
    {
        var room = Sys.ActorOf(ChatRoom.CreateProps("lobby"));
        var alice = CreateTestProbe();
        var bob = CreateTestProbe();
        var carol = CreateTestProbe();
        room.Tell(new ChatRoom.Join(alice.Ref, "alice", true));
        await alice.ExpectMsgAsync<ChatRoom.Joined>(j => Assert.Equal(1, j.MemberCount));
        room.Tell(new ChatRoom.Join(bob.Ref, "bob", true));
        await bob.ExpectMsgAsync<ChatRoom.Joined>(j => Assert.Equal(2, j.MemberCount));
        await ExpectLineAsync(alice, "*** bob joined lobby");
        room.Tell(new ChatRoom.Join(carol.Ref, "carol", true));
        await carol.ExpectMsgAsync<ChatRoom.Joined>(j => Assert.Equal(3, j.MemberCount));
        await ExpectLineAsync(alice, "*** carol joined lobby");
        await ExpectLineAsync(bob, "*** carol joined lobby");
        return (room, alice, bob, carol);
    }

    [Fact]
    public async Task Say_BroadcastsToEveryoneElse_NotEchoedToTheSender()
    {
        var (room, alice, bob, carol) = await RoomWithThreeAsync();

        room.Tell(new ChatRoom.Say("hello all"), alice.Ref);

        await ExpectLineAsync(bob, "[alice] hello all");
        await ExpectLineAsync(carol, "[alice] hello all");
        await alice.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Say_ToManyMembers_SharesOneEncodedLine()
    {
        var (room, alice, bob, carol) = await RoomWithThreeAsync();

        room.Tell(new ChatRoom.Say("x"), alice.Ref);

        var toBob = await bob.ExpectMsgAsync<Deliver>();
        var toCarol = await carol.ExpectMsgAsync<Deliver>();
        Assert.Same(toBob, toCarol);
    }

    [Fact]
    public async Task Act_FromAMember_ShowsTheActionToOthers()
    {
        var (room, alice, bob, _) = await RoomWithThreeAsync();

        room.Tell(new ChatRoom.Act("waves"), alice.Ref);

        await ExpectLineAsync(bob, "* alice waves");
    }

    [Fact]
    public async Task Say_FromANonMember_IsIgnored()
    {
        var (room, _, bob, _) = await RoomWithThreeAsync();
        var stranger = CreateTestProbe();

        room.Tell(new ChatRoom.Say("spam"), stranger.Ref);

        await bob.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Who_ThreeMembers_ListsThemSorted()
    {
        var (room, _, bob, _) = await RoomWithThreeAsync();

        room.Tell(ChatRoom.Who.Instance, bob.Ref);

        await ExpectLineAsync(bob, "*** 3 in lobby: alice, bob, carol");
    }

    [Fact]
    public async Task Leave_Dropped_TellsTheOthersWithTheReason()
    {
        var (room, alice, bob, carol) = await RoomWithThreeAsync();

        room.Tell(new ChatRoom.Leave(carol.Ref, LeaveReason.Dropped));
        room.Tell(new ChatRoom.Say("still here?"), alice.Ref);

        await ExpectLineAsync(alice, "*** carol left lobby (dropped: not reading)");
        await ExpectLineAsync(bob, "*** carol left lobby (dropped: not reading)");
        await ExpectLineAsync(bob, "[alice] still here?");
        await carol.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Renamed_Member_ConfirmsToItAndTellsTheOthers()
    {
        var (room, alice, bob, _) = await RoomWithThreeAsync();

        room.Tell(new ChatRoom.Renamed(alice.Ref, "alice", "alicia"));
        room.Tell(new ChatRoom.Say("hi"), alice.Ref);

        await ExpectLineAsync(alice, "*** You are now known as alicia");
        await ExpectLineAsync(bob, "*** alice is now known as alicia");
        await ExpectLineAsync(bob, "[alicia] hi");
    }

    [Fact]
    public async Task ServerSay_ConsoleLine_GoesToEveryMember()
    {
        var (room, alice, bob, carol) = await RoomWithThreeAsync();

        room.Tell(new ChatRoom.ServerSay("maintenance at noon"));

        foreach (var member in new[] { alice, bob, carol })
        {
            await ExpectLineAsync(member, "[server] maintenance at noon");
        }
    }
}
