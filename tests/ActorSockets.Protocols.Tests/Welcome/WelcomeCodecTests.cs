using System.Text;
using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Welcome;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Welcome;

public class WelcomeCodecTests
{
    [Fact]
    public void Reply_PrefixLineCrLf_InUtf8()
    {
        var reply = WelcomeCodec.Default.Reply("你好");
        Assert.Equal(Encoding.UTF8.GetBytes("欢迎访问>>>>你好\r\n"), reply.ToArray());
    }

    [Fact]
    public void Reply_EmptyLine_IsPrefixAndCrLf()
    {
        Assert.Equal("欢迎访问>>>>\r\n", WelcomeCodec.Default.Reply("").ToUtf8());
    }

    [Fact]
    public void Reply_CustomPrefix_IsUsed()
    {
        Assert.Equal("> x\r\n", new WelcomeCodec("> ").Reply("x").ToUtf8());
    }

    [Fact]
    public void ErrorReply_LineTooLong_NamesLimit()
    {
        Assert.Equal("error: line too long (max 4096 bytes)\r\n", WelcomeCodec.ErrorReply(FrameError.LineTooLong, 4096).ToUtf8());
    }

    [Fact]
    public void CreateFramer_UnterminatedRead_CanBeTakenAsMessage()
    {
        var framer = WelcomeCodec.CreateFramer(16);
        var results = new List<FrameResult<string>>();
        framer.Decode(ByteString.FromString("hello"), results);
        Assert.Empty(results);
        Assert.True(framer.TryTakePartial(out var message));
        Assert.Equal("欢迎访问>>>>hello\r\n", WelcomeCodec.Default.Reply(message.Frame!).ToUtf8());
        Assert.Equal(16, framer.MaxLineLength);
    }
}
