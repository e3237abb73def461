using ActorSockets.Protocols.Chat;
using Akka.Actor;
using Akka.TestKit;

namespace ActorSockets.Protocols.Tests.Chat;

public sealed class ChatRegistryTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly IActorRef _registry;

    public ChatRegistryTests()
    {
        _registry = Sys.ActorOf(ChatRegistry.CreateProps(ChatSettings.Default with { MaxRooms = 3 }));
    }

    private static async Task ExpectLineAsync(TestProbe member, string line)
    {
        var deliver = await member.ExpectMsgAsync<Deliver>();
        Assert.Equal(line + "\r\n", deliver.Data.ToUtf8());
    }

    private async Task<ChatRoom.Joined> ConnectAsync(TestProbe member)
    {
        _registry.Tell(ChatRegistry.Connect.Instance, member.Ref);
        return await member.ExpectMsgAsync<ChatRoom.Joined>();
    }

    [Fact]
    public async Task Connect_NewMembers_GetGuestNicksInTheDefaultRoom()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();

        var first = await ConnectAsync(a);
        var second = await ConnectAsync(b);

        Assert.Equal(("guest-1", "lobby", true), (first.Nick, first.Room, first.OnConnect));
        Assert.Equal("guest-2", second.Nick);
        await ExpectLineAsync(a, "*** guest-2 joined lobby");
    }

    [Fact]
    public async Task ChangeNick_TakenCaseInsensitively_IsRefusedWithTheReason()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        await ConnectAsync(a);
        await ConnectAsync(b);
        await a.ExpectMsgAsync<Deliver>();

        _registry.Tell(new ChatRegistry.ChangeNick("bob"), a.Ref);
        await ExpectLineAsync(a, "*** You are now known as bob");
        await ExpectLineAsync(b, "*** guest-1 is now known as bob");
        _registry.Tell(new ChatRegistry.ChangeNick("BOB"), b.Ref);

        await ExpectLineAsync(b, "*** Error: the nick BOB is already in use");
    }

    [Theory]
    [InlineData("guest-2")]
    [InlineData("GUEST-17")]
    public async Task ChangeNick_ToAGuestNick_IsRefused_AndNewGuestsStillCountOn(string nick)
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        await ConnectAsync(a);
        _registry.Tell(new ChatRegistry.ChangeNick(nick), a.Ref);
        await ExpectLineAsync(a, "*** Error: nicks like guest-7 are given to newcomers; choose another");

        var joined = await ConnectAsync(b);

        Assert.Equal("guest-2", joined.Nick);
    }

    [Theory]
    [InlineData("guest-")]
    [InlineData("guest-x1")]
    [InlineData("guest-1a")]
    [InlineData("guests-1")]
    public async Task ChangeNick_LikeAGuestNickButNotOne_IsAccepted(string nick)
    {
        var a = CreateTestProbe();
        await ConnectAsync(a);
        _registry.Tell(new ChatRegistry.ChangeNick(nick), a.Ref);
        await ExpectLineAsync(a, $"*** You are now known as {nick}");
    }

    [Fact]
    public async Task SendPrivate_ReachesOnlyTheRecipient_AndConfirmsToTheSender()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        var c = CreateTestProbe();
        await ConnectAsync(a);
        await ConnectAsync(b);
        await ConnectAsync(c);
        await a.ExpectMsgAsync<Deliver>();
        await a.ExpectMsgAsync<Deliver>();
        await b.ExpectMsgAsync<Deliver>();

        _registry.Tell(new ChatRegistry.SendPrivate("GUEST-2", "psst"), a.Ref);

        await ExpectLineAsync(b, "*guest-1* psst");
        await ExpectLineAsync(a, "-> *guest-2* psst");
        await c.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task SendPrivate_UnknownNick_SaysNoSuchNick()
    {
        var a = CreateTestProbe();
        await ConnectAsync(a);

        _registry.Tell(new ChatRegistry.SendPrivate("nobody", "hello?"), a.Ref);

        await ExpectLineAsync(a, "*** Error: no such nick: nobody");
    }

    [Fact]
    public async Task JoinRoom_MovesTheMember_AndListsRooms()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        await ConnectAsync(a);
        await ConnectAsync(b);
        await a.ExpectMsgAsync<Deliver>();

        _registry.Tell(new ChatRegistry.JoinRoom("dev"), a.Ref);

        var joined = await a.ExpectMsgAsync<ChatRoom.Joined>();
        Assert.Equal(("dev", 1, false), (joined.Room, joined.MemberCount, joined.OnConnect));
        await ExpectLineAsync(b, "*** guest-1 left lobby (moved to dev)");
        _registry.Tell(ChatRegistry.ListRooms.Instance, b.Ref);
        await ExpectLineAsync(b, "*** 2 rooms: dev (1), lobby (1)");
    }

    [Fact]
    public async Task JoinRoom_LastMemberLeaves_RoomIsRemovedButTheDefaultStays()
    {
        var a = CreateTestProbe();
        await ConnectAsync(a);
        _registry.Tell(new ChatRegistry.JoinRoom("dev"), a.Ref);
        await a.ExpectMsgAsync<ChatRoom.Joined>();

        _registry.Tell(new ChatRegistry.JoinRoom("LOBBY"), a.Ref);
        await a.ExpectMsgAsync<ChatRoom.Joined>(j => Assert.Equal("lobby", j.Room));
        _registry.Tell(ChatRegistry.ListRooms.Instance, a.Ref);

        await ExpectLineAsync(a, "*** 1 room: lobby (1)");
    }

    [Fact]
    public async Task JoinRoom_TheSameRoom_IsAnError()
    {
        var a = CreateTestProbe();
        await ConnectAsync(a);

        _registry.Tell(new ChatRegistry.JoinRoom("Lobby"), a.Ref);

        await ExpectLineAsync(a, "*** Error: you are already in lobby");
    }

    [Fact]
    public async Task JoinRoom_BeyondMaxRooms_IsRefused()
    {
        var members = new List<TestProbe>();
        for (var i = 0; i < 3; i++)
        {
            var member = CreateTestProbe();
            members.Add(member);
            await ConnectAsync(member);
        }

        _registry.Tell(new ChatRegistry.JoinRoom("r1"), members[0].Ref);
        _registry.Tell(new ChatRegistry.JoinRoom("r2"), members[1].Ref);
        _registry.Tell(new ChatRegistry.JoinRoom("r3"), members[2].Ref);

        await members[2].FishForMessageAsync<Deliver>(d => d.Data.ToUtf8().StartsWith("*** Error: there are already 3 rooms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Member_StopsWithoutLeaving_OthersSeeConnectionClosed()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        await ConnectAsync(a);
        await ConnectAsync(b);
        await a.ExpectMsgAsync<Deliver>();

        Sys.Stop(b.Ref);

        await ExpectLineAsync(a, "*** guest-2 left lobby (connection closed)");
    }

    [Fact]
    public async Task Leave_Quit_FreesTheNick()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        await ConnectAsync(a);
        _registry.Tell(new ChatRegistry.ChangeNick("alice"), a.Ref);
        await a.ExpectMsgAsync<Deliver>();
        _registry.Tell(new ChatRegistry.Leave(LeaveReason.Quit), a.Ref);
        await ConnectAsync(b);

        _registry.Tell(new ChatRegistry.ChangeNick("alice"), b.Ref);

        await ExpectLineAsync(b, "*** You are now known as alice");
    }
}
