using ActorSockets.Protocols.Chat;

namespace ActorSockets.Protocols.Tests.Chat;

public class ChatNamesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("guest-1")]
    [InlineData("Under_score")]
    [InlineData("abcdefghijklmnopqrstuvwx")]
    public void IsValidNick_Accepted(string nick)
    {
        Assert.True(ChatNames.IsValidNick(nick, out var error), error);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "a nick cannot be empty")]
    [InlineData("", "a nick cannot be empty")]
    [InlineData("abcdefghijklmnopqrstuvwxy", "a nick may be at most 24 characters (got 25)")]
    [InlineData("a b", "a nick cannot contain spaces")]
    [InlineData("héllo", "a nick may only contain letters A-Z, digits 0-9, '-' and '_'")]
    [InlineData("аdmin", "a nick may only contain letters A-Z, digits 0-9, '-' and '_'")] // Cyrillic а: no homoglyphs
    [InlineData("SERVER", "the nick 'server' is reserved")]
    public void IsValidNick_Rejected_SaysWhy(string? nick, string expected)
    {
        Assert.False(ChatNames.IsValidNick(nick, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void IsValidRoom_SameRules_ServerAllowed()
    {
        Assert.True(ChatNames.IsValidRoom("server", out _));
        Assert.True(ChatNames.IsValidRoom(ChatNames.DefaultRoom, out _));
        Assert.False(ChatNames.IsValidRoom("#dev", out var error));
        Assert.Equal("a room name may only contain letters A-Z, digits 0-9, '-' and '_'", error);
    }

    [Fact]
    public void Comparer_IsCaseInsensitive()
    {
        Assert.True(ChatNames.Comparer.Equals("Bob", "bOB"));
        var nicks = new HashSet<string>(ChatNames.Comparer) { "alice" };
        Assert.False(nicks.Add("ALICE"));
    }

    [Fact]
    public void GuestNick_IsNumbered()
    {
        Assert.Equal("guest-1", ChatNames.GuestNick(1));
        Assert.Equal("guest-1000", ChatNames.GuestNick(1000));
        Assert.True(ChatNames.IsValidNick(ChatNames.GuestNick(999_999_999_999_999_999), out _));
    }
}
