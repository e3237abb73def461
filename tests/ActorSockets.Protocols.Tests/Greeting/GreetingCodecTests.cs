using System.Net;
using System.Net.Sockets;
using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Greeting;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Greeting;

public class GreetingCodecTests
{
    [Theory]
    [InlineData("127.0.0.1", 6666, "/127.0.0.1:6666")]
    [InlineData("::1", 6666, "/[0:0:0:0:0:0:0:1]:6666")]
    [InlineData("::ffff:127.0.0.1", 6666, "/127.0.0.1:6666")]
    [InlineData("2001:db8::ab:c", 80, "/[2001:db8:0:0:0:0:ab:c]:80")]
    [InlineData("0.0.0.0", 0, "/0.0.0.0:0")]
    public void JavaSocketAddress_FormatsLikeJava(string address, int port, string expected)
    {
        Assert.Equal(expected, JavaSocketAddress.Format(new IPEndPoint(IPAddress.Parse(address), port)));
    }

    [Fact]
    public void JavaSocketAddress_LinkLocalWithScope_AppendsScope()
    {
        var address = IPAddress.Parse("fe80::1");
        address.ScopeId = 2;
        Assert.Equal("/[fe80:0:0:0:0:0:0:1%2]:7", JavaSocketAddress.Format(new IPEndPoint(address, 7)));
    }

    [Fact]
    public void JavaSocketAddress_UnixSocket_IsPath()
    {
        Assert.Equal("/tmp/greet.sock", JavaSocketAddress.Format(new UnixDomainSocketEndPoint("/tmp/greet.sock")));
    }

    [Fact]
    public void JavaSocketAddress_DnsEndPoint_IsUnresolvedForm()
    {
        Assert.Equal("localhost/<unresolved>:6666", JavaSocketAddress.Format(new DnsEndPoint("localhost", 6666)));
    }

    [Fact]
    public void ReplyText_MatchesTutorial()
    {
        var text = GreetingCodec.Default.ReplyText(new IPEndPoint(IPAddress.Loopback, 6666));
        Assert.Equal("谢谢连接我:/127.0.0.1:6666\nGoodbye!", text);
    }

    [Fact]
    public void Reply_IsOneWriteUtfFrame_ThatDecodesBack()
    {
        var reply = GreetingCodec.Default.Reply(new IPEndPoint(IPAddress.Loopback, 6666));
        var encodedLength = (reply[0] << 8) | reply[1];
        Assert.Equal(reply.Count - 2, encodedLength);

        var results = new List<FrameResult<string>>();
        GreetingCodec.CreateFramer().Decode(reply, results);
        Assert.Equal("谢谢连接我:/127.0.0.1:6666\nGoodbye!", Assert.Single(results).Frame);
    }

    [Fact]
    public void CreateFramer_ReadsJavaClientHello()
    {
        // What GreetingClient sends: writeUTF("Hello from " + client.getLocalSocketAddress()).
        var hello = WriteUtfFramer.Encode("Hello from /127.0.0.1:50123");
        var results = new List<FrameResult<string>>();
        var framer = GreetingCodec.CreateFramer();
        framer.Decode(hello.Slice(0, 5), results);
        framer.Decode(hello.Slice(5), results);
        Assert.Equal("Hello from /127.0.0.1:50123", Assert.Single(results).Frame);
    }

    [Fact]
    public void Constructor_TextsTooLongForAFrame_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GreetingCodec(new string('x', 65_000)));
    }

    [Fact]
    public void Reply_CustomTexts_AreUsed()
    {
        var codec = new GreetingCodec("hi ", "!");
        var reply = codec.Reply(new IPEndPoint(IPAddress.Loopback, 1));
        Assert.Equal(WriteUtfFramer.Encode("hi /127.0.0.1:1!"), reply);
        Assert.IsType<ByteString>(reply);
    }
}
