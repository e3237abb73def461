using ActorSockets.Protocols.Chat;
using ActorSockets.Protocols.Framing;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Chat;

public class ChatInputDecoderTests
{
    private static List<FrameResult<string>> Feed(ChatInputDecoder decoder, params byte[][] chunks)
    {
        var results = new List<FrameResult<string>>();
        foreach (var chunk in chunks)
        {
            decoder.Decode(ByteString.FromBytes(chunk), results);
        }

        return results;
    }

    [Fact]
    public void Decode_TelnetClientLine_NegotiationAndControlsRemoved()
    {
        // A telnet client's opening negotiation, then a line with a colour escape, ended CR LF.
        byte[] input = [255, 253, 1, 255, 251, 31, .. "\u001b[31mhi\u001b[0m there\r\n"u8.ToArray()];
        var line = Assert.Single(Feed(new ChatInputDecoder(), input));
        Assert.Equal(FrameResult<string>.Success("hi there"), line);
    }

    [Fact]
    public void Decode_IacSplitAcrossChunks_StillRemoved()
    {
        var results = Feed(new ChatInputDecoder(), [(byte)'a', 255], [253, 1, (byte)'b', (byte)'\n']);
        Assert.Equal([FrameResult<string>.Success("ab")], results);
    }

    [Fact]
    public void Decode_OverLongLine_IsErrorThenNextLineParses()
    {
        var decoder = new ChatInputDecoder(maxLineLength: 8);
        var results = Feed(decoder, "this is far too long\n/who\n"u8.ToArray());
        Assert.Equal([FrameResult<string>.Failure(FrameError.LineTooLong), FrameResult<string>.Success("/who")], results);
        Assert.Same(ChatCommand.Who.Instance, ChatCommand.Parse(results[1].Frame!));
        Assert.Equal(8, decoder.MaxLineLength);
    }

    [Fact]
    public void Decode_InvalidUtf8_IsError()
    {
        Assert.Equal([FrameResult<string>.Failure(FrameError.InvalidUtf8)], Feed(new ChatInputDecoder(), [0xC3, 0x28, (byte)'\n']));
    }

    [Fact]
    public void TryTakePartial_SanitizesRemainder()
    {
        var decoder = new ChatInputDecoder();
        Assert.Empty(Feed(decoder, "bye\u0007"u8.ToArray()));
        Assert.True(decoder.HasPartial);
        Assert.True(decoder.TryTakePartial(out var result));
        Assert.Equal("bye", result.Frame);
        Assert.False(decoder.TryTakePartial(out _));
    }

    [Fact]
    public void Reset_ClearsTelnetAndLineState()
    {
        var decoder = new ChatInputDecoder();
        Feed(decoder, [(byte)'x', 255]);
        Assert.True(decoder.HasPartial);
        decoder.Reset();
        Assert.False(decoder.HasPartial);
        Assert.Equal([FrameResult<string>.Success("ok")], Feed(decoder, "ok\n"u8.ToArray()));
    }
}
