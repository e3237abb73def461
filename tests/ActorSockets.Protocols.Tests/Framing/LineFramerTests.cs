using System.Text;
using ActorSockets.Protocols.Framing;
using Akka.IO;
using static ActorSockets.Protocols.Tests.Framing.FramerHarness;

namespace ActorSockets.Protocols.Tests.Framing;

public class LineFramerTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Decode_LfAndCrLfTerminators_BothEndLines()
    {
        var results = Feed(new LineFramer(), Utf8("one\ntwo\r\nthree\n"));
        Assert.Equal([Line("one"), Line("two"), Line("three")], results);
    }

    [Fact]
    public void Decode_MultipleFramesPerChunk_AllDelivered_TailBuffered()
    {
        var framer = new LineFramer();
        var results = Feed(framer, Utf8("a\nb\nc\npartial"));
        Assert.Equal([Line("a"), Line("b"), Line("c")], results);
        Assert.True(framer.HasPartial);
        Assert.Equal(7, framer.BufferedCount);
    }

    [Fact]
    public void Decode_EmptyLines_AreEmptyFrames()
    {
        var results = Feed(new LineFramer(), Utf8("\n\r\n"));
        Assert.Equal([Line(""), Line("")], results);
    }

    [Fact]
    public void Decode_LoneCrInsideLine_IsKept()
    {
        var results = Feed(new LineFramer(), Utf8("a\rb\r\r\n"));
        Assert.Equal([Line("a\rb\r")], results);
    }

    [Fact]
    public void Decode_SplitAtEveryByteBoundary_SameLines()
    {
        var data = Utf8("欢迎\r\nhello world\n\r\n末尾é\n");
        var expected = Feed(new LineFramer(), data);
        Assert.Equal([Line("欢迎"), Line("hello world"), Line(""), Line("末尾é")], expected);
        foreach (var split in TwoWaySplits(data))
        {
            Assert.Equal(expected, Feed(new LineFramer(), split));
        }

        Assert.Equal(expected, Feed(new LineFramer(), ByteByByte(data)));
    }

    [Fact]
    public void Decode_CrLfSplitAcrossChunks_CrIsRemoved()
    {
        var framer = new LineFramer();
        Assert.Empty(Feed(framer, Utf8("abc\r")));
        Assert.Equal([Line("abc")], Feed(framer, Utf8("\n")));
        Assert.False(framer.HasPartial);
    }

    [Fact]
    public void Decode_LineOfExactlyMaxLength_IsAccepted_EvenWithCrLfSplit()
    {
        var framer = new LineFramer(maxLineLength: 5);
        Assert.Equal([Line("12345")], Feed(framer, Utf8("12345\r\n")));
        Assert.Empty(Feed(framer, Utf8("123"), Utf8("45\r")));
        Assert.Equal([Line("12345")], Feed(framer, Utf8("\n")));
    }

    [Fact]
    public void Decode_OverLongLineInOneChunk_YieldsLineTooLong_ThenNextLineWorks()
    {
        var results = Feed(new LineFramer(maxLineLength: 5), Utf8("123456\nok\n"));
        Assert.Equal([Error(FrameError.LineTooLong), Line("ok")], results);
    }

    [Fact]
    public void Decode_OverLongLineAcrossChunks_ReportsOnce_DiscardsWithoutBuffering()
    {
        var framer = new LineFramer(maxLineLength: 8);
        var results = new List<FrameResult<string>>();
        framer.Decode(ByteString.FromString("1234"), results);
        framer.Decode(ByteString.FromString("567890"), results);
        Assert.Equal([Error(FrameError.LineTooLong)], results);
        Assert.True(framer.IsDiscarding);
        for (var i = 0; i < 100; i++)
        {
            framer.Decode(ByteString.FromString(new string('x', 1000)), results);
            Assert.Equal(0, framer.BufferedCount);
        }

        framer.Decode(ByteString.FromString("tail\nnext\n"), results);
        Assert.Equal([Error(FrameError.LineTooLong), Line("next")], results);
        Assert.False(framer.IsDiscarding);
    }

    [Fact]
    public void Decode_BufferedPartialPlusHeadTooLong_YieldsLineTooLong()
    {
        var framer = new LineFramer(maxLineLength: 6);
        Assert.Empty(Feed(framer, Utf8("1234")));
        Assert.Equal([Error(FrameError.LineTooLong), Line("z")], Feed(framer, Utf8("5678\nz\n")));
    }

    [Fact]
    public void Decode_MaxPlusOneBytesWithoutCr_IsTooLongWhenTerminated()
    {
        var framer = new LineFramer(maxLineLength: 3);
        Assert.Empty(Feed(framer, Utf8("abcd")));
        Assert.Equal([Error(FrameError.LineTooLong)], Feed(framer, Utf8("\n")));
    }

    [Fact]
    public void Decode_OverLongLineAtEveryBoundary_SameOutcome()
    {
        var data = Utf8("short\n0123456789abcdef\nend\n");
        foreach (var split in TwoWaySplits(data))
        {
            Assert.Equal([Line("short"), Error(FrameError.LineTooLong), Line("end")], Feed(new LineFramer(maxLineLength: 8), split));
        }

        Assert.Equal([Line("short"), Error(FrameError.LineTooLong), Line("end")], Feed(new LineFramer(maxLineLength: 8), ByteByByte(data)));
    }

    [Fact]
    public void Decode_InvalidUtf8_RejectedByDefault_StreamContinues()
    {
        var results = Feed(new LineFramer(), [0x61, 0xFF, 0x62, 0x0A, 0x6F, 0x6B, 0x0A]);
        Assert.Equal([Error(FrameError.InvalidUtf8), Line("ok")], results);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 })] // overlong NUL
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // encoded surrogate
    [InlineData(new byte[] { 0xE6, 0xAC })] // truncated sequence
    [InlineData(new byte[] { 0x80 })] // stray continuation
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    public void Decode_MalformedSequences_Rejected(byte[] line)
    {
        Assert.Equal([Error(FrameError.InvalidUtf8)], Feed(new LineFramer(), [.. line, 0x0A]));
    }

    [Fact]
    public void Decode_InvalidUtf8WithReplace_UsesReplacementCharacter()
    {
        var results = Feed(new LineFramer(invalidUtf8: InvalidUtf8Handling.Replace), [0x61, 0xFF, 0x62, 0x0A]);
        Assert.Equal([Line("a\uFFFDb")], results);
    }

    [Fact]
    public void Decode_MultiByteCharacterSplitAcrossChunks_DecodesWhole()
    {
        var data = Utf8("😀\n");
        for (var cut = 1; cut < 4; cut++)
        {
            Assert.Equal([Line("😀")], Feed(new LineFramer(), data[..cut], data[cut..]));
        }
    }

    [Fact]
    public void TryTakePartial_UnterminatedMessage_ReturnedAsLine()
    {
        var framer = new LineFramer();
        Assert.Empty(Feed(framer, Utf8("hello!")));
        Assert.True(framer.TryTakePartial(out var result));
        Assert.Equal(Line("hello!"), result);
        Assert.False(framer.HasPartial);
        Assert.False(framer.TryTakePartial(out _));
    }

    [Fact]
    public void TryTakePartial_TrailingCr_IsRemoved()
    {
        var framer = new LineFramer();
        Feed(framer, Utf8("hi\r"));
        Assert.True(framer.TryTakePartial(out var result));
        Assert.Equal(Line("hi"), result);
    }

    [Fact]
    public void TryTakePartial_TruncatedUtf8_IsInvalid()
    {
        var framer = new LineFramer();
        Feed(framer, [0xE6, 0xAC]);
        Assert.True(framer.TryTakePartial(out var result));
        Assert.Equal(Error(FrameError.InvalidUtf8), result);
    }

    [Fact]
    public void TryTakePartial_WhileDiscarding_EndsDiscardSoNextReadIsAMessage()
    {
        var framer = new LineFramer(maxLineLength: 4);
        Assert.Equal([Error(FrameError.LineTooLong)], Feed(framer, Utf8("too long for it")));
        Assert.False(framer.TryTakePartial(out _));
        Assert.False(framer.IsDiscarding);
        Feed(framer, Utf8("next"));
        Assert.True(framer.TryTakePartial(out var result));
        Assert.Equal(Line("next"), result);
    }

    [Fact]
    public void TryTakePartial_AfterEachRead_TreatsEveryReadAsMessage()
    {
        var framer = new LineFramer();
        var messages = new List<FrameResult<string>>();
        foreach (var read in new[] { "first", "sec\nond", "third\n" })
        {
            framer.Decode(ByteString.FromString(read), messages);
            if (framer.TryTakePartial(out var partial))
            {
                messages.Add(partial);
            }
        }

        Assert.Equal([Line("first"), Line("sec"), Line("ond"), Line("third")], messages);
    }

    [Fact]
    public void Reset_DropsPartialAndDiscardState()
    {
        var framer = new LineFramer(maxLineLength: 4);
        Feed(framer, Utf8("abc"));
        framer.Reset();
        Assert.False(framer.HasPartial);
        Assert.Equal([Line("x")], Feed(framer, Utf8("x\n")));
    }

    [Fact]
    public void Decode_ManyLongPartials_BufferNeverExceedsLimit()
    {
        var framer = new LineFramer(maxLineLength: 10_000);
        var results = new List<FrameResult<string>>();
        var piece = new string('a', 999);
        for (var i = 0; i < 10; i++)
        {
            framer.Decode(ByteString.FromString(piece), results);
        }

        Assert.Empty(results);
        Assert.Equal(9990, framer.BufferedCount);
        framer.Decode(ByteString.FromString("\n"), results);
        Assert.Equal(9990, Assert.Single(results).Frame!.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Constructor_BadMaxLength_Throws(int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineFramer(max));
    }

    [Fact]
    public void Encode_AppendsCrLfByDefault_AndRoundTrips()
    {
        var encoded = LineFramer.Encode("欢迎访问>>>>hi");
        Assert.Equal(Utf8("欢迎访问>>>>hi\r\n"), encoded.ToArray());
        Assert.Equal([Line("欢迎访问>>>>hi")], Feed(new LineFramer(), encoded.ToArray()));
        Assert.Equal(Utf8("x\n"), LineFramer.Encode("x", "\n").ToArray());
    }

    [Fact]
    public void TryTakePartial_EndingInCr_NextLfIsNotAnEmptyLine()
    {
        var framer = new LineFramer();
        Feed(framer, Utf8("hello\r"));
        Assert.True(framer.TryTakePartial(out var result));
        Assert.Equal(Line("hello"), result);
        Assert.Equal([Line("next")], Feed(framer, Utf8("\nnext\n")));
    }

    [Fact]
    public void TryTakePartial_WithoutCr_LaterLfIsAnEmptyLine()
    {
        var framer = new LineFramer();
        Feed(framer, Utf8("hello"));
        Assert.True(framer.TryTakePartial(out _));
        Assert.Equal([Line("")], Feed(framer, Utf8("\n")));
    }

    [Fact]
    public void Decode_WholeLinesInChunk_AllocatesOnlyTheLineStrings()
    {
        var framer = new LineFramer();
        var results = new List<FrameResult<string>>(4000);
        var chunk = Utf8("hello\r\nworld\n");
        framer.Decode(chunk, results); // warm up
        results.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            framer.Decode(chunk, results);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2000, results.Count);
        // Each 5-character string is about 32 bytes; no buffer copies or per-result boxes on top of that.
        Assert.True(allocated <= 2000 * 40, $"{allocated} bytes allocated");
    }
}
