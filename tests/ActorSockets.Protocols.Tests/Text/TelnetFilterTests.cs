using ActorSockets.Protocols.Text;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Text;

public class TelnetFilterTests
{
    private const byte Iac = 255;
    private const byte Will = 251;
    private const byte Wont = 252;
    private const byte Do = 253;
    private const byte Dont = 254;
    private const byte Sb = 250;
    private const byte Se = 240;

    private static byte[] FilterAll(TelnetFilter filter, params byte[][] chunks) =>
        chunks.SelectMany(chunk => filter.Filter(ByteString.FromBytes(chunk)).ToArray()).ToArray();

    [Fact]
    public void Filter_NoIac_ReturnsSameInstance()
    {
        var chunk = ByteString.FromString("plain text\r\n");
        Assert.Same(chunk, new TelnetFilter().Filter(chunk));
    }

    [Fact]
    public void Filter_OptionNegotiation_Removed()
    {
        byte[] input = [Iac, Do, 1, (byte)'h', Iac, Will, 3, (byte)'i', Iac, Wont, 31, Iac, Dont, 24];
        Assert.Equal("hi"u8.ToArray(), FilterAll(new TelnetFilter(), input));
    }

    [Fact]
    public void Filter_Subnegotiation_Removed()
    {
        byte[] input = [(byte)'a', Iac, Sb, 24, 0, (byte)'x', (byte)'t', (byte)'e', (byte)'r', (byte)'m', Iac, Se, (byte)'b'];
        Assert.Equal("ab"u8.ToArray(), FilterAll(new TelnetFilter(), input));
    }

    [Fact]
    public void Filter_IacIac_IsLiteral255_EvenInsideSubnegotiationItIsDropped()
    {
        Assert.Equal(new byte[] { (byte)'a', 255, (byte)'b' }, FilterAll(new TelnetFilter(), [(byte)'a', Iac, Iac, (byte)'b']));
        Assert.Equal("ab"u8.ToArray(), FilterAll(new TelnetFilter(), [(byte)'a', Iac, Sb, 1, Iac, Iac, 2, Iac, Se, (byte)'b']));
    }

    [Fact]
    public void Filter_TwoByteCommands_Removed()
    {
        // IAC NOP (241), IAC AYT (246), IAC GA (249).
        Assert.Equal("xy"u8.ToArray(), FilterAll(new TelnetFilter(), [(byte)'x', Iac, 241, Iac, 246, (byte)'y', Iac, 249]));
    }

    [Fact]
    public void Filter_CommandSplitAtEveryBoundary_SameOutput()
    {
        byte[] input = [(byte)'h', Iac, Do, 1, (byte)'e', Iac, Sb, 24, 1, Iac, Se, (byte)'l', Iac, Iac, (byte)'o'];
        byte[] expected = [(byte)'h', (byte)'e', (byte)'l', 255, (byte)'o'];
        for (var cut = 0; cut <= input.Length; cut++)
        {
            Assert.Equal(expected, FilterAll(new TelnetFilter(), input[..cut], input[cut..]));
        }

        Assert.Equal(expected, FilterAll(new TelnetFilter(), input.Select(b => new[] { b }).ToArray()));
    }

    [Fact]
    public void Filter_PendingCommand_IsReported()
    {
        var filter = new TelnetFilter();
        filter.Filter(ByteString.FromBytes([Iac, Do]));
        Assert.True(filter.InCommand);
        filter.Filter(ByteString.FromBytes([1]));
        Assert.False(filter.InCommand);
    }

    [Fact]
    public void Filter_UnterminatedSubnegotiation_GivesUpAfterLimit()
    {
        var filter = new TelnetFilter();
        var output = FilterAll(filter, [Iac, Sb, .. new byte[TelnetFilter.MaxSubnegotiationBytes + 10]], "back"u8.ToArray());
        Assert.EndsWith("back", System.Text.Encoding.ASCII.GetString(output), StringComparison.Ordinal);
        Assert.True(output.Length <= 14);
    }

    [Fact]
    public void Filter_OnlyCommands_ReturnsEmpty()
    {
        Assert.Same(ByteString.Empty, new TelnetFilter().Filter(ByteString.FromBytes([Iac, Will, 1])));
    }

    [Fact]
    public void Reset_ForgetsPendingCommand()
    {
        var filter = new TelnetFilter();
        filter.Filter(ByteString.FromBytes([Iac, Sb]));
        filter.Reset();
        Assert.Equal("x"u8.ToArray(), FilterAll(filter, "x"u8.ToArray()));
    }
}
