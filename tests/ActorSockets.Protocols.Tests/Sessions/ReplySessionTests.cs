using System.Net;
using ActorSockets.Protocols.Clock;
using ActorSockets.Protocols.Framing;
using ActorSockets.Protocols.Greeting;
using ActorSockets.Protocols.Hi;
using ActorSockets.Protocols.Welcome;
using Akka.IO;
using static ActorSockets.Protocols.Tests.Sessions.SessionAssertions;

namespace ActorSockets.Protocols.Tests.Sessions;

public sealed class ReplySessionTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly IPEndPoint Local = new(IPAddress.Loopback, 6666);

    [Fact]
    public async Task Welcome_Lines_AnsweredWithPrefixAndCrlfInOneWrite()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(WelcomeSession.CreateProps(connection.Ref, WelcomeCodec.Default, 4096, SessionTimeouts.Default));

        session.Send(Received("a\r\nb\n"), connection);

        await connection.ExpectWriteAsync("欢迎访问>>>>a\r\n欢迎访问>>>>b\r\n");
    }

    [Fact]
    public async Task Welcome_UnterminatedRead_AnsweredAtOnce()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(WelcomeSession.CreateProps(connection.Ref, WelcomeCodec.Default, 4096, SessionTimeouts.Default));

        session.Send(Received("你好"), connection);

        await connection.ExpectWriteAsync("欢迎访问>>>>你好\r\n");
    }

    [Fact]
    public async Task Welcome_SplitCrlf_DoesNotAnswerAnEmptyLine()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(WelcomeSession.CreateProps(connection.Ref, WelcomeCodec.Default, 4096, SessionTimeouts.Default));

        session.Send(Received("x\r"), connection);
        session.Send(Received("\ny\n"), connection);

        await connection.ExpectWriteAsync("欢迎访问>>>>x\r\n");
        await connection.ExpectWriteAsync("欢迎访问>>>>y\r\n");
    }

    [Fact]
    public async Task Welcome_LineTooLong_AnsweredWithErrorAndTheSessionCarriesOn()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(WelcomeSession.CreateProps(connection.Ref, WelcomeCodec.Default, 8, SessionTimeouts.Default));

        session.Send(Received("0123456789abcdef\nok\n"), connection);

        await connection.ExpectWriteAsync("error: line too long (max 8 bytes)\r\n欢迎访问>>>>ok\r\n");
    }

    [Fact]
    public async Task Welcome_InvalidUtf8_AnsweredWithError()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(WelcomeSession.CreateProps(connection.Ref, WelcomeCodec.Default, 4096, SessionTimeouts.Default));

        session.Send(new Tcp.Received(ByteString.FromBytes([0xff, 0xfe, (byte)'\n'])), connection);

        await connection.ExpectWriteAsync("error: invalid UTF-8, line ignored\r\n");
    }

    [Fact]
    public async Task Greeting_WriteUtfString_AnsweredInWriteUtfWithLocalAddressThenClosed()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(GreetingSession.CreateProps(connection.Ref, GreetingCodec.Default, Local, TimeSpan.FromSeconds(5), SessionTimeouts.Default));
        Watch(session);

        session.Send(new Tcp.Received(WriteUtfFramer.Encode("Hello from /127.0.0.1:50000")), connection);

        var write = await connection.ExpectMsgAsync<Tcp.Write>();
        Assert.Equal(WriteUtfFramer.Encode("谢谢连接我:/127.0.0.1:6666\nGoodbye!"), write.Data);
        await connection.ExpectCloseAndConfirmAsync();
        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task Greeting_FrameInTwoReads_AnsweredOnceComplete()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(GreetingSession.CreateProps(connection.Ref, GreetingCodec.Default, Local, null, SessionTimeouts.Default));
        var frame = WriteUtfFramer.Encode("hello");

        session.Send(new Tcp.Received(frame.Slice(0, 3)), connection);
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        session.Send(new Tcp.Received(frame.Slice(3)), connection);

        await connection.ExpectMsgAsync<Tcp.Write>();
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task Greeting_PlainTextClient_AnsweredAfterTheDelay()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(GreetingSession.CreateProps(connection.Ref, GreetingCodec.Default, Local, TimeSpan.FromMilliseconds(150), SessionTimeouts.Default));

        session.Send(Received("hello\n"), connection);

        var write = await connection.ExpectMsgAsync<Tcp.Write>();
        Assert.Equal(GreetingCodec.Default.Reply(Local), write.Data);
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task Greeting_PeerClosesMidFrame_AnsweredThenClosed()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(GreetingSession.CreateProps(connection.Ref, GreetingCodec.Default, Local, null, SessionTimeouts.Default));

        session.Send(Received("hi"), connection);
        session.Send(Tcp.PeerClosed.Instance, connection);

        await connection.ExpectMsgAsync<Tcp.Write>();
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task Clock_OnStart_WritesTimeThenClosesAndIgnoresLaterInput()
    {
        var connection = this.CreateConnectionProbe();
        var clock = new ClockCodec(FixedTimeProvider.AtPlus8(new DateTime(2024, 5, 6, 7, 8, 9)));
        var session = Sys.ActorOf(ClockSession.CreateProps(connection.Ref, clock, SessionTimeouts.Default));
        Watch(session);

        await connection.ExpectWriteAsync("服务端消息: 2024-05-06 07:08:09");
        await connection.ExpectMsgAsync<Tcp.Close>();
        session.Send(Received("接收消息成功"), connection);
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        session.Send(Tcp.Closed.Instance, connection);

        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task Hi_FirstMessage_AnsweredHiThenClosed()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(HiSession.CreateProps(connection.Ref, HiCodec.Default, SessionTimeouts.Default));
        Watch(session);

        session.Send(Received("hello!"), connection);
        session.Send(Received("more"), connection);

        await connection.ExpectWriteAsync("hi");
        await connection.ExpectCloseAndConfirmAsync();
        await ExpectTerminatedAsync(session);
    }

    [Fact]
    public async Task Hi_IdleTimeout_ClosesWithoutAnswer()
    {
        var connection = this.CreateConnectionProbe();
        var session = Sys.ActorOf(HiSession.CreateProps(connection.Ref, HiCodec.Default, new SessionTimeouts(TimeSpan.FromMilliseconds(150))));

        await connection.ExpectMsgAsync<Tcp.Close>();
    }
}
