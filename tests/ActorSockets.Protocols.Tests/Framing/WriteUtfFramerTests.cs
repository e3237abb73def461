using ActorSockets.Protocols.Framing;
using Akka.IO;
using static ActorSockets.Protocols.Tests.Framing.FramerHarness;

namespace ActorSockets.Protocols.Tests.Framing;

public class WriteUtfFramerTests
{
    private static byte[] Frame(params byte[] payload) =>
        [(byte)(payload.Length >> 8), (byte)payload.Length, .. payload];

    [Fact]
    public void Encode_Ascii_IsLengthPrefixed()
    {
        Assert.Equal(new byte[] { 0, 2, (byte)'h', (byte)'i' }, WriteUtfFramer.Encode("hi").ToArray());
    }

    [Fact]
    public void Encode_Nul_IsC080()
    {
        Assert.Equal(new byte[] { 0, 3, (byte)'a', 0xC0, 0x80 }, WriteUtfFramer.Encode("a\0").ToArray());
    }

    [Fact]
    public void Encode_Emoji_IsTwoThreeByteSurrogates()
    {
        // U+1F600 is D83D DE00 in UTF-16; Java writes each surrogate as its own 3-byte form.
        Assert.Equal(new byte[] { 0, 6, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80 }, WriteUtfFramer.Encode("😀").ToArray());
    }

    [Fact]
    public void Encode_TwoAndThreeByteForms_MatchJava()
    {
        // "é谢" -> C3 A9, E8 B0 A2 (same as standard UTF-8 inside the BMP).
        Assert.Equal(new byte[] { 0, 5, 0xC3, 0xA9, 0xE8, 0xB0, 0xA2 }, WriteUtfFramer.Encode("é谢").ToArray());
    }

    [Fact]
    public void Encode_Empty_IsTwoZeroBytes()
    {
        Assert.Equal(new byte[] { 0, 0 }, WriteUtfFramer.Encode("").ToArray());
    }

    [Fact]
    public void Encode_At65535Bytes_Fits_OneMoreFails()
    {
        var max = new string('a', 65535);
        Assert.True(WriteUtfFramer.CanEncode(max));
        var frame = WriteUtfFramer.Encode(max);
        Assert.Equal(65537, frame.Count);
        Assert.Equal(0xFF, frame[0]);
        Assert.Equal(0xFF, frame[1]);

        var over = max + "a";
        Assert.False(WriteUtfFramer.CanEncode(over));
        Assert.False(WriteUtfFramer.TryEncode(over, out var none));
        Assert.True(none.IsEmpty);
        Assert.Throws<ArgumentException>(() => WriteUtfFramer.Encode(over));
        Assert.False(WriteUtfFramer.CanEncode(new string('\0', 32768))); // 2 bytes each
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello from /127.0.0.1:50000")]
    [InlineData("谢谢连接我:/127.0.0.1:6666\nGoodbye!")]
    [InlineData("nul\0inside")]
    [InlineData("emoji 😀 and 𝄞")]
    [InlineData("\u07FF\u0800\uFFFF\u0080")]
    public void RoundTrip_AnyText_DecodesToSame(string text)
    {
        var results = Feed(new WriteUtfFramer(), WriteUtfFramer.Encode(text).ToArray());
        Assert.Equal([Line(text)], results);
    }

    [Fact]
    public void RoundTrip_LoneSurrogate_SurvivesAsJavaDoes()
    {
        var text = "a\uD800b";
        Assert.Equal([Line(text)], Feed(new WriteUtfFramer(), WriteUtfFramer.Encode(text).ToArray()));
    }

    [Fact]
    public void Decode_SplitAtEveryByteBoundary_SameFrames()
    {
        byte[] data = [.. WriteUtfFramer.Encode("谢谢 😀").ToArray(), .. WriteUtfFramer.Encode("").ToArray(), .. WriteUtfFramer.Encode("two").ToArray()];
        var expected = new[] { Line("谢谢 😀"), Line(""), Line("two") };
        foreach (var split in TwoWaySplits(data))
        {
            Assert.Equal(expected, Feed(new WriteUtfFramer(), split));
        }

        Assert.Equal(expected, Feed(new WriteUtfFramer(), ByteByByte(data)));
    }

    [Fact]
    public void Decode_PartialFrame_HasPartialUntilComplete()
    {
        var framer = new WriteUtfFramer();
        Assert.False(framer.HasPartial);
        Assert.Empty(Feed(framer, [0]));
        Assert.True(framer.HasPartial);
        Assert.Empty(Feed(framer, [3, (byte)'a']));
        Assert.True(framer.HasPartial);
        Assert.Equal([Line("abc")], Feed(framer, [(byte)'b', (byte)'c']));
        Assert.False(framer.HasPartial);
    }

    [Fact]
    public void Decode_RawZeroByte_AcceptedAsJavaDoes()
    {
        Assert.Equal([Line("a\0")], Feed(new WriteUtfFramer(), Frame((byte)'a', 0)));
    }

    [Fact]
    public void Decode_FourByteUtf8_IsMalformed_NextFrameStillDecodes()
    {
        byte[] data = [.. Frame(0xF0, 0x9F, 0x98, 0x80), .. Frame((byte)'o', (byte)'k')];
        Assert.Equal([Error(FrameError.MalformedModifiedUtf8), Line("ok")], Feed(new WriteUtfFramer(), data));
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })] // stray continuation
    [InlineData(new byte[] { 0xC3 })] // two-byte form cut off by the frame end
    [InlineData(new byte[] { 0xE8, 0xB0 })] // three-byte form cut off
    [InlineData(new byte[] { 0xC3, 0x41 })] // bad continuation
    [InlineData(new byte[] { 0xE8, 0xB0, 0x41 })] // bad third byte
    [InlineData(new byte[] { 0xFF })]
    public void Decode_Malformed_ReportsMalformed(byte[] payload)
    {
        Assert.Equal([Error(FrameError.MalformedModifiedUtf8)], Feed(new WriteUtfFramer(), Frame(payload)));
    }

    [Fact]
    public void Decode_OverlongTwoByteForm_AcceptedAsJavaDoes()
    {
        Assert.Equal([Line("A")], Feed(new WriteUtfFramer(), Frame(0xC1, 0x81)));
    }

    [Fact]
    public void Decode_FrameAboveConfiguredMax_SkipsPayload_ThenResyncs()
    {
        var framer = new WriteUtfFramer(maxFrameLength: 4);
        byte[] data = [.. Frame("toolong"u8.ToArray()), .. Frame("fine"u8.ToArray())];
        foreach (var split in TwoWaySplits(data))
        {
            Assert.Equal([Error(FrameError.FrameTooLong), Line("fine")], Feed(new WriteUtfFramer(maxFrameLength: 4), split));
        }

        Assert.Equal([Error(FrameError.FrameTooLong)], Feed(framer, data[..5]));
        Assert.True(framer.HasPartial);
    }

    [Fact]
    public void Decode_LargestFrame_InManyChunks_Decodes()
    {
        var text = new string('谢', 21845); // 65535 bytes
        var data = WriteUtfFramer.Encode(text).ToArray();
        var framer = new WriteUtfFramer();
        var results = new List<FrameResult<string>>();
        for (var at = 0; at < data.Length; at += 1000)
        {
            framer.Decode(ByteString.CopyFrom(data, at, Math.Min(1000, data.Length - at)), results);
        }

        Assert.Equal(text, Assert.Single(results).Frame);
    }

    [Fact]
    public void Reset_DropsPartialFrame()
    {
        var framer = new WriteUtfFramer();
        Feed(framer, [0, 5, (byte)'a']);
        framer.Reset();
        Assert.False(framer.HasPartial);
        Assert.Equal([Line("hi")], Feed(framer, Frame((byte)'h', (byte)'i')));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Constructor_BadMax_Throws(int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WriteUtfFramer(max));
    }

    [Fact]
    public void TryTakePartialAsText_NonJavaClient_GetsTextBack()
    {
        var framer = new WriteUtfFramer();
        Assert.Empty(Feed(framer, "hello\n"u8.ToArray()));
        Assert.True(framer.HasPartial);
        Assert.True(framer.TryTakePartialAsText(out var text));
        Assert.Equal("hello", text);
        Assert.False(framer.HasPartial);
        Assert.Equal([Line("ok")], Feed(framer, Frame((byte)'o', (byte)'k')));
    }

    [Fact]
    public void TryTakePartialAsText_SingleByte_IsThatByte()
    {
        var framer = new WriteUtfFramer();
        Feed(framer, "x"u8.ToArray());
        Assert.True(framer.TryTakePartialAsText(out var text));
        Assert.Equal("x", text);
    }

    [Fact]
    public void TryTakePartialAsText_NothingPending_ReturnsFalse()
    {
        var framer = new WriteUtfFramer();
        Assert.False(framer.TryTakePartialAsText(out _));
        Feed(framer, Frame((byte)'a'));
        Assert.False(framer.TryTakePartialAsText(out _));
    }
}
