using ActorSockets.Protocols.Chat;

namespace ActorSockets.Protocols.Tests.Chat;

public class ChatCommandTests
{
    [Theory]
    [InlineData("hello room")]
    [InlineData("  indented text")]
    [InlineData("a / in the middle")]
    public void Parse_PlainText_IsSay(string line)
    {
        Assert.Equal(new ChatCommand.Say(line), ChatCommand.Parse(line));
    }

    [Fact]
    public void Parse_DoubleSlash_SaysTextStartingWithSlash()
    {
        Assert.Equal(new ChatCommand.Say("/not a command"), ChatCommand.Parse("//not a command"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t ")]
    public void Parse_BlankLine_IsBlank(string line)
    {
        Assert.Same(ChatCommand.Blank.Instance, ChatCommand.Parse(line));
    }

    [Theory]
    [InlineData("/nick alice", "alice")]
    [InlineData("/NICK Bob_2", "Bob_2")]
    [InlineData("/nick   x-y  ", "x-y")]
    public void Parse_Nick_WithValidName(string line, string expected)
    {
        Assert.Equal(new ChatCommand.Nick(expected), ChatCommand.Parse(line));
    }

    [Theory]
    [InlineData("/nick", "usage: /nick NAME")]
    [InlineData("/nick   ", "usage: /nick NAME")]
    [InlineData("/nick two words", "a nick cannot contain spaces")]
    [InlineData("/nick bad!", "a nick may only contain letters A-Z, digits 0-9, '-' and '_'")]
    [InlineData("/nick abcdefghijklmnopqrstuvwxy", "a nick may be at most 24 characters (got 25)")]
    [InlineData("/nick Server", "the nick 'server' is reserved")]
    public void Parse_NickInvalid_SaysWhy(string line, string reason)
    {
        Assert.Equal(new ChatCommand.Invalid(reason), ChatCommand.Parse(line));
    }

    [Fact]
    public void Parse_FieldlessCommands_AreSingletons()
    {
        Assert.Same(ChatCommand.Who.Instance, ChatCommand.Parse("/who"));
        Assert.Same(ChatCommand.Rooms.Instance, ChatCommand.Parse("/rooms"));
        Assert.Same(ChatCommand.Help.Instance, ChatCommand.Parse("/Help"));
        Assert.Same(ChatCommand.Quit.Instance, ChatCommand.Parse("/quit"));
        Assert.Same(ChatCommand.Quit.Instance, ChatCommand.Parse("/quit see you"));
    }

    [Fact]
    public void Parse_Me_CarriesAction()
    {
        Assert.Equal(new ChatCommand.Me("waves at everyone"), ChatCommand.Parse("/me waves at everyone"));
        Assert.Equal(new ChatCommand.Invalid("usage: /me ACTION"), ChatCommand.Parse("/me"));
    }

    [Fact]
    public void Parse_Msg_SplitsRecipientAndText()
    {
        Assert.Equal(new ChatCommand.PrivateMessage("bob", "hi there  bob"), ChatCommand.Parse("/msg bob   hi there  bob"));
    }

    [Theory]
    [InlineData("/msg")]
    [InlineData("/msg bob")]
    [InlineData("/msg bob   ")]
    public void Parse_MsgMissingArguments_IsUsage(string line)
    {
        Assert.Equal(new ChatCommand.Invalid("usage: /msg NICK TEXT"), ChatCommand.Parse(line));
    }

    [Fact]
    public void Parse_MsgToImpossibleNick_IsNoSuchNick()
    {
        Assert.Equal(new ChatCommand.Invalid("no such nick: b@d"), ChatCommand.Parse("/msg b@d hello"));
    }

    [Theory]
    [InlineData("/join dev", "dev")]
    [InlineData("/join #dev", "dev")]
    [InlineData("/JOIN Ops-2", "Ops-2")]
    public void Parse_Join_StripsHash(string line, string room)
    {
        Assert.Equal(new ChatCommand.Join(room), ChatCommand.Parse(line));
    }

    [Theory]
    [InlineData("/join", "usage: /join ROOM")]
    [InlineData("/join #", "usage: /join ROOM")]
    [InlineData("/join a room", "a room name cannot contain spaces")]
    [InlineData("/join r.oom", "a room name may only contain letters A-Z, digits 0-9, '-' and '_'")]
    public void Parse_JoinInvalid_SaysWhy(string line, string reason)
    {
        Assert.Equal(new ChatCommand.Invalid(reason), ChatCommand.Parse(line));
    }

    [Fact]
    public void Parse_UnknownCommand_HintsAtHelp()
    {
        var result = Assert.IsType<ChatCommand.Invalid>(ChatCommand.Parse("/dance now"));
        Assert.Equal("unknown command /dance; type /help for the list of commands", result.Reason);
    }

    [Fact]
    public void Parse_UnknownLongCommand_EchoIsShortened()
    {
        var result = Assert.IsType<ChatCommand.Invalid>(ChatCommand.Parse("/" + new string('x', 500)));
        Assert.True(result.Reason.Length < 100, result.Reason);
    }

    [Fact]
    public void Parse_LoneSlash_IsUnknownCommand()
    {
        Assert.IsType<ChatCommand.Invalid>(ChatCommand.Parse("/"));
    }
}
