using System.Text;
using ActorSockets.IO;

namespace ActorSockets.IO.Tests;

public class ByteStringTests
{
    [Fact]
    public void Empty_HasNoBytes()
    {
        Assert.Equal(0, ByteString.Empty.Count);
        Assert.True(ByteString.Empty.IsEmpty);
        Assert.True(ByteString.Empty.Span.IsEmpty);
        Assert.Empty(ByteString.Empty.ToArray());
    }

    [Fact]
    public void FromBytes_CopiesInput_LaterChangesToSourceAreInvisible()
    {
        var source = new byte[] { 1, 2, 3 };
        var bytes = ByteString.FromBytes(source);
        source[0] = 99;
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.ToArray());
    }

    [Fact]
    public void FromBytes_EmptySpan_ReturnsEmptySingleton()
    {
        Assert.Same(ByteString.Empty, ByteString.FromBytes([]));
    }

    [Fact]
    public void FromArrayUnsafe_SharesArray_WithoutCopy()
    {
        var source = new byte[] { 0, 1, 2, 3, 4 };
        var bytes = ByteString.FromArrayUnsafe(source, 1, 3);
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.ToArray());
        source[2] = 42; // the documented hazard: the caller gave up ownership
        Assert.Equal(42, bytes[1]);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 6)]
    [InlineData(5, 1)]
    [InlineData(2, -1)]
    public void FromArrayUnsafe_RegionOutsideArray_Throws(int offset, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteString.FromArrayUnsafe(new byte[5], offset, count));
    }

    [Fact]
    public void FromString_DefaultsToUtf8WithoutBom()
    {
        var bytes = ByteString.FromString("é欢");
        Assert.Equal(new byte[] { 0xC3, 0xA9, 0xE6, 0xAC, 0xA2 }, bytes.ToArray());
    }

    [Fact]
    public void FromString_WithEncoding_UsesIt()
    {
        var bytes = ByteString.FromString("é", Encoding.Latin1);
        Assert.Equal(new byte[] { 0xE9 }, bytes.ToArray());
    }

    [Fact]
    public void Indexer_ReturnsByteAtPosition_AndRejectsOutOfRange()
    {
        var bytes = ByteString.FromBytes([10, 20, 30]).Slice(1);
        Assert.Equal(20, bytes[0]);
        Assert.Equal(30, bytes[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => bytes[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => bytes[-1]);
    }

    [Fact]
    public void Slice_ReturnsRange_AndSlicesOfSlicesCompose()
    {
        var bytes = ByteString.FromString("hello world");
        var world = bytes.Slice(6);
        Assert.Equal("world", world.DecodeString());
        Assert.Equal("orl", world.Slice(1, 3).DecodeString());
        Assert.Same(bytes, bytes.Slice(0));
        Assert.Same(ByteString.Empty, bytes.Slice(11));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 12)]
    [InlineData(12, 0)]
    [InlineData(6, 6)]
    public void Slice_RangeOutside_Throws(int start, int length)
    {
        var bytes = ByteString.FromString("hello world");
        Assert.Throws<ArgumentOutOfRangeException>(() => bytes.Slice(start, length));
    }

    [Fact]
    public void Concat_JoinsContent_AndPlusOperatorAgrees()
    {
        var a = ByteString.FromString("ab");
        var b = ByteString.FromString("cd").Slice(1);
        Assert.Equal("abd", a.Concat(b).DecodeString());
        Assert.Equal("abd", (a + b).DecodeString());
    }

    [Fact]
    public void Concat_WithEmpty_ReturnsOtherInstance()
    {
        var a = ByteString.FromString("ab");
        Assert.Same(a, a + ByteString.Empty);
        Assert.Same(a, ByteString.Empty + a);
    }

    [Fact]
    public void Equality_ComparesContent_NotStorage()
    {
        var a = ByteString.FromString("xhello").Slice(1);
        var b = ByteString.FromArrayUnsafe(Encoding.ASCII.GetBytes("hello!"), 0, 5);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ByteString.FromString("hellO"));
        Assert.False(a.Equals(null));
        Assert.True((ByteString?)null == null);
        Assert.False(a == null);
    }

    [Fact]
    public void MemoryAndSpan_ExposeSameBytes()
    {
        var bytes = ByteString.FromString("abcdef").Slice(2, 3);
        Assert.Equal("cde"u8.ToArray(), bytes.Memory.ToArray());
        Assert.True(bytes.Span.SequenceEqual("cde"u8));
    }

    [Fact]
    public void ToStringWithEncoding_Decodes()
    {
        Assert.Equal("é", ByteString.FromBytes([0xE9]).ToString(Encoding.Latin1));
    }

    [Fact]
    public void DecodeString_InvalidUtf8_UsesReplacementCharacter()
    {
        Assert.Equal("a\uFFFDb", ByteString.FromBytes([(byte)'a', 0xFF, (byte)'b']).DecodeString());
    }

    [Fact]
    public void ToString_PrintableShortContent_ShowsHexAndText()
    {
        Assert.Equal("ByteString(2 bytes: 68 69 \"hi\")", ByteString.FromString("hi").ToString());
        Assert.Equal("ByteString(0 bytes)", ByteString.Empty.ToString());
        Assert.Equal("ByteString(1 byte: 00)", ByteString.FromBytes([0]).ToString());
    }

    [Fact]
    public void ToString_LongContent_IsTruncated()
    {
        var text = ByteString.FromString(new string('a', 1000)).ToString();
        Assert.StartsWith("ByteString(1000 bytes: 61 61", text, StringComparison.Ordinal);
        Assert.Contains("...", text, StringComparison.Ordinal);
        Assert.True(text.Length < 200, text);
    }

    [Fact]
    public void IndexOfAndStartsWith_SearchContent()
    {
        var bytes = ByteString.FromString("xxab\ncd").Slice(2);
        Assert.Equal(2, bytes.IndexOf((byte)'\n'));
        Assert.Equal(-1, bytes.IndexOf((byte)'x'));
        Assert.True(bytes.StartsWith("ab"u8));
        Assert.False(bytes.StartsWith("xx"u8));
    }

    [Fact]
    public void ConcatMany_JoinsInOrder_WithOneCopy()
    {
        var joined = ByteString.Concat(ByteString.FromString("ab"), ByteString.Empty, ByteString.FromString("xcd").Slice(1), ByteString.FromString("e"));
        Assert.Equal("abcde", joined.DecodeString());
    }

    [Fact]
    public void ConcatMany_SingleNonEmpty_ReturnsIt_NoneReturnsEmpty()
    {
        var only = ByteString.FromString("x");
        Assert.Same(only, ByteString.Concat(ByteString.Empty, only, ByteString.Empty));
        Assert.Same(ByteString.Empty, ByteString.Concat());
        Assert.Same(ByteString.Empty, ByteString.Concat(ByteString.Empty, ByteString.Empty));
    }
}
